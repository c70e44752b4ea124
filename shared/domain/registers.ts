/** A figure the office keeps itself (the number of communes, of at-risk businesses), by unit and year. */
export interface RegisterView {
  code: string;
  name: string;
  measureUnit: string | null;
  values: { unitId: number; unitCode: string; unitName: string; year: number; value: number }[];
}
