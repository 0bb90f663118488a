import type { AnyContract } from './contract';

/** The contracts a service knows, by their CloudEvents type. */
export class ContractRegistry {
  private readonly byType = new Map<string, AnyContract>();

  constructor(contracts: readonly AnyContract[]) {
    for (const contract of contracts) {
      if (this.byType.has(contract.type)) throw new Error(`contract ${contract.type} is registered twice`);
      this.byType.set(contract.type, contract);
    }
  }

  find(type: string): AnyContract | undefined {
    return this.byType.get(type);
  }

  get topics(): string[] {
    return [...new Set([...this.byType.values()].map((c) => c.topic))];
  }
}
