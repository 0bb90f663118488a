import { ApiExtraModels, ApiOkResponse, ApiProperty } from '@nestjs/swagger';
import { ErasedValue, personal } from '../openapi/personal-data.schema';
import { personalFieldsIn, personsNamedIn, readShapeOf } from './read-shape';

@ApiExtraModels(ErasedValue)
class Identity {
  @ApiProperty(personal({ type: 'string' })) name!: string;
  @ApiProperty(personal({ type: 'string' }, true)) nik!: string | null;
  @ApiProperty({ type: String }) source!: string;
}

class Visit {
  @ApiProperty(personal({ type: 'string' })) note!: string;
}

class CaseView {
  @ApiProperty({ type: String, format: 'uuid' }) personId!: string;
  @ApiProperty({ type: Identity }) identity!: Identity;
  @ApiProperty({ type: [Visit] }) visits!: Visit[];
  @ApiProperty({ type: () => Identity, nullable: true }) previous!: Identity | null;
}

class ReferenceData {
  @ApiProperty({ type: String }) code!: string;
}

class Controller {
  @ApiOkResponse({ type: CaseView }) show(): void {}
  @ApiOkResponse({ type: [ReferenceData] }) list(): void {}
  plain(): void {}
}

const handler = (name: keyof Controller) => Controller.prototype[name];

describe('the read shape of a route', () => {
  it('lists the personal fields of its declared answer, nested and in lists', () => {
    expect(readShapeOf(handler('show'))).toEqual({
      personalFields: ['identity.name', 'identity.nik', 'visits[].note', 'previous.name', 'previous.nik'],
      namesPersons: true,
    });
  });

  it('finds nothing in an answer about no one, or in a route that declares none', () => {
    expect(readShapeOf(handler('list'))).toEqual({ personalFields: [], namesPersons: false });
    expect(readShapeOf(handler('plain'))).toEqual({ personalFields: [], namesPersons: false });
  });

  it('records only the personal fields an answer actually carried', () => {
    const paths = readShapeOf(handler('show')).personalFields;
    const answer = {
      personId: '0b8f2c56-3d1f-4f63-9a55-2ad3c6f1f9a1',
      identity: { name: 'Siti', nik: null, source: 'family' },
      visits: [{ note: 'tenang' }],
      previous: { name: { $erased: true }, nik: null },
    };
    expect(personalFieldsIn(answer, paths)).toEqual(['identity.name', 'visits[].note']);
    expect(personalFieldsIn({ ...answer, visits: [] }, paths)).toEqual(['identity.name']);
  });

  it('names every person an answer is about, once', () => {
    const a = '0b8f2c56-3d1f-4f63-9a55-2ad3c6f1f9a1';
    const b = '7d1e0c6e-94b5-4a8e-8f4e-0f3f7a2b9c10';
    expect(personsNamedIn([{ personId: a }, { personId: b, persons: [a, b] }, { personId: 'not-an-id' }])).toEqual([
      a,
      b,
    ]);
    expect(personsNamedIn({ items: [] })).toEqual([]);
  });
});
