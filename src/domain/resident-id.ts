/**
 * Resident identity number arithmetic (公民身份号码, GB 11643-1999).
 *
 * 18 characters = 6-digit region code (GB/T 2260) + birth date YYYYMMDD + 3-digit sequence
 * (odd male, even female) + check character (ISO 7064 MOD 11-2). Legacy 15-digit numbers
 * (GB 11643-1989) carry YYMMDD and no check character.
 *
 * Everything here is total and pure; parsing raw export values into a status lives in
 * normalize/resident-id.ts.
 */

/** ISO 7064 MOD 11-2 weights of the first 17 digits. */
export const residentIdCheckWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
/** The check character for each remainder of the weighted sum modulo 11. */
export const residentIdCheckChars = '10X98765432'

/**
 * The check character for the first 17 digits of an 18-character ID.
 * @param body17 exactly 17 ASCII digits (not validated: callers check the shape first)
 * @example residentIdCheckChar('11010519491231002') // 'X'
 */
export function residentIdCheckChar(body17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += (body17.charCodeAt(i) - 48) * (residentIdCheckWeights[i] as number)
  return residentIdCheckChars[sum % 11] as string
}

/** True for 17 digits followed by the matching check character (upper-case X only). */
export function hasValidCheckChar(id18: string): boolean {
  return /^\d{17}[\dX]$/.test(id18) && residentIdCheckChar(id18.slice(0, 17)) === id18[17]
}

/**
 * Upgrades a legacy 15-digit ID to 18 characters: inserts the century "19" after the region
 * code and appends the check character. People born before 1900 cannot be represented in
 * 15 digits unambiguously; the standard's rule (always 19) is applied as agencies do.
 * @param id15 exactly 15 ASCII digits
 */
export function upgradeResidentId15To18(id15: string): string {
  const body = `${id15.slice(0, 6)}19${id15.slice(6)}`
  return body + residentIdCheckChar(body)
}

/** Region code (GB/T 2260, the place the number was first issued), digits 1–6. */
export function residentIdRegion(id18: string): string {
  return id18.slice(0, 6)
}

/** Birth date digits YYYYMMDD of an 18-character ID. */
export function residentIdBirthDigits(id18: string): string {
  return id18.slice(6, 14)
}

/** Sex from the parity of the sequence number's last digit: odd male, even female. */
export function residentIdSex(id18: string): 'male' | 'female' {
  return (id18.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female'
}
