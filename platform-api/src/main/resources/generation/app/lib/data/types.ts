/** The kinds of value a field holds, as in kiln/manifest.json. */
export type FieldType =
  | "text"
  | "long_text"
  | "number"
  | "money"
  | "boolean"
  | "date"
  | "datetime"
  | "email"
  | "enum"
  | "belongs_to";

export type FieldValue = string | number | boolean | null;

/** One field of a resource: how to label, edit, validate and show it. */
export type FieldSpec = {
  /** The property name on a row, e.g. dueDate or patientId. */
  name: string;
  label: string;
  type: FieldType;
  required: boolean;
  /** The allowed values of an enum field. */
  options?: string[];
  /** The resource a belongs_to field points at. */
  target?: string;
};

/** What every row has. */
export type Row = {
  id: number;
  createdAt: string;
  updatedAt: string;
};

export type Entry = Row & Record<string, FieldValue>;

export type Values<T extends Entry> = Omit<T, keyof Row>;

/** Stored rows of one resource; methods are safe to pass around unbound. */
export type Collection<T extends Entry> = {
  key: string;
  seed: T[];
  subscribe(listener: () => void): () => void;
  list(): T[];
  get(id: number): T | undefined;
  create(values: Values<T>): T;
  update(id: number, values: Values<T>): T | undefined;
  remove(id: number): void;
};

/** A kind of thing the app manages: its labels, fields and storage. */
export type Resource<T extends Entry = Entry> = {
  /** The URL segment and registry key, e.g. time-entries. */
  name: string;
  singular: string;
  plural: string;
  path: string;
  icon: string;
  /** The field a row is called by, or null to compose a title. */
  titleField: string | null;
  fields: FieldSpec[];
  store: Collection<T>;
};

/** A page of the app that is not about one resource. */
export type CustomPage = {
  path: string;
  title: string;
  view: "reports" | "calendar" | "blank";
};

/** What the app is. */
export type AppInfo = {
  name: string;
  slug: string;
  description: string;
  pages: CustomPage[];
};
