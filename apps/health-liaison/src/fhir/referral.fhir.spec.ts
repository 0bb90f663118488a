import { IHS_NUMBER_SYSTEM, NIK_SYSTEM, TASK_STATUS_OF, patientOf } from './referral.fhir';
import { taskUpdateOf } from './task-update';

const ID = '0b9f6f8e-3c1a-4f7e-9a55-2d7f0f7b1c11';

describe('FHIR mapping', () => {
  it('gives a Patient a NIK and IHS number only where they are known', () => {
    expect(JSON.stringify(patientOf({ personId: ID }))).not.toContain(NIK_SYSTEM);
    const known = patientOf({ personId: ID, nik: '3507014506900001', ihsNumber: 'P02478375538' });
    expect(known.identifier).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ system: NIK_SYSTEM, value: '3507014506900001' }),
        expect.objectContaining({ system: IHS_NUMBER_SYSTEM, value: 'P02478375538' }),
      ]),
    );
  });

  it('maps each referral status to a Task status', () => {
    expect(TASK_STATUS_OF).toMatchObject({
      requested: 'requested',
      accepted: 'accepted',
      declined: 'rejected',
      admitted: 'in-progress',
      discharged: 'completed',
      withdrawn: 'cancelled',
    });
  });

  it('reads a Task update as the REST route it stands for, and one at its status as unchanged', () => {
    expect(taskUpdateOf(ID, 'requested', { resourceType: 'Task', status: 'accepted' })).toEqual({
      kind: 'accept',
      body: {},
    });
    expect(taskUpdateOf(ID, 'accepted', { resourceType: 'Task', status: 'accepted' })).toEqual({ kind: 'unchanged' });
    expect(() => taskUpdateOf(ID, 'requested', { resourceType: 'Task', status: 'cancelled' })).toThrow(/accepted/);
    expect(() => taskUpdateOf(ID, 'requested', { resourceType: 'Patient' })).toThrow(/Task/);
  });
});
