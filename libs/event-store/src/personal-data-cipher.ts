/**
 * The store's port to personal-data encryption (libs/privacy implements it). Fields are sealed
 * before they are hashed and written, and opened when read; once a person's key is destroyed,
 * opening shows their fields as erased.
 */
export interface PersonalDataCipher {
  seal(personId: string, data: object, paths: readonly string[]): Promise<object>;
  openMany(items: readonly { personId: string; data: object; paths: readonly string[] }[]): Promise<object[]>;
}
