/** Row ids are 32-bit integers in the database (Prisma's Int): a larger number can name no row. */
export const MAX_ROW_ID = 2_147_483_647;

export const isRowId = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= MAX_ROW_ID;
