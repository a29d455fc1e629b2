/** Sex per GB/T 2261.1 (1 男, 2 女; 0/9 unknown are kept as null). */
export type Sex = 'male' | 'female'
