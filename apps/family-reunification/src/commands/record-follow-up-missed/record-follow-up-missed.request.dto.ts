import { FieldTimeRequest } from '../../application/request-fields';

export class RecordFollowUpMissedRequest extends FieldTimeRequest {}
