import { valueFreeDetail } from './dead-letters';

describe("a dead letter's detail", () => {
  it('keeps what the contract check wrote: fields and rules, which quote the schema, never the data', () => {
    const detail = `/caseId must match format "uuid"; (data) must NOT have additional properties 'nik'`;
    expect(valueFreeDetail('invalid', detail)).toBe(detail);
  });

  it("masks the values an error's message quotes, and e-mail addresses and long numbers in it", () => {
    expect(valueFreeDetail('failed-after-retries', 'invalid input syntax for type uuid: "Siti Aminah"')).toBe(
      'invalid input syntax for type uuid: "…"',
    );
    expect(
      valueFreeDetail(
        'failed-after-retries',
        "no person with NIK 3507014506780002 ('siti@example.id', +62 812 3456 7890)",
      ),
    ).toBe("no person with NIK # ('…', #)");
    expect(valueFreeDetail('rejected', 'person siti@example.id is not known')).toBe('person …@… is not known');
  });

  it('keeps ids, codes and types, which name records, not what they hold', () => {
    const id = '0b8f2c56-3d1f-4f63-9a55-2ad3c6f1f9a1';
    expect(valueFreeDetail('failed-after-retries', `case ${id} is locked (code 40P01)`)).toBe(
      `case ${id} is locked (code 40P01)`,
    );
    expect(valueFreeDetail('rejected', 'id.lintas.health-liaison.person.died.v1 refused: case.not-found')).toBe(
      'id.lintas.health-liaison.person.died.v1 refused: case.not-found',
    );
    expect(valueFreeDetail('unknown-type', 'no contract for id.lintas.x.unheard-of.v1')).toBe(
      'no contract for id.lintas.x.unheard-of.v1',
    );
  });

  it('is as short as a detail needs to be, and the same when masked twice', () => {
    const long = valueFreeDetail('failed-after-retries', 'x'.repeat(5_000));
    expect(long).toHaveLength(1_000);
    const once = valueFreeDetail('failed-after-retries', 'refused "Budi" at +62 812 0000 0000');
    expect(valueFreeDetail('failed-after-retries', once)).toBe(once);
  });
});
