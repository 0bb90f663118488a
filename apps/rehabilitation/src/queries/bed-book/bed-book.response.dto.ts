import { ApiProperty } from '@nestjs/swagger';

/** A panti's beds as its bed book holds them now: no person in it, counts only. */
export class PantiBeds {
  @ApiProperty({ example: 'panti-bina-laras-kediri' }) pantiId!: string;
  /** The capacity last set; 0 for a panti whose capacity was never set. */
  @ApiProperty({ type: 'integer', minimum: 0 }) beds!: number;
  /** How many requests may wait; null for no limit. */
  @ApiProperty({ type: 'integer', minimum: 0, nullable: true }) waitlistLimit!: number | null;
  /** Beds with a resident admitted to them (in a bed, in an RSJ after a relapse, or absconded). */
  @ApiProperty({ type: 'integer', minimum: 0 }) occupied!: number;
  /** Beds held for a request the panti has not yet admitted. */
  @ApiProperty({ type: 'integer', minimum: 0 }) reserved!: number;
  /** Beds neither occupied nor reserved; 0 when the capacity was lowered below the beds held. */
  @ApiProperty({ type: 'integer', minimum: 0 }) free!: number;
  /** Requests in the queue for the next bed. */
  @ApiProperty({ type: 'integer', minimum: 0 }) waiting!: number;
}
