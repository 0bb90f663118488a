/** A Satpol PP pickup report as `POST /pickups` takes it: an unidentified man found an hour ago in Kabupaten Malang. */
export function pickupReport(): Record<string, unknown> {
  return {
    foundAt: new Date(Date.now() - 3_600_000).toISOString(),
    location: { text: 'Alun-alun Kepanjen', regionCode: '3507', districtCode: '350701' },
    circumstances: 'wandering',
    observedCondition: 'calm, thin',
    descriptors: { sex: 'male', apparentAgeRange: '40-50' },
  };
}
