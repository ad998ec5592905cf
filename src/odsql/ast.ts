// The ODSQL abstract syntax tree: node kinds as a discriminated union on `kind`. Every node
// carries its span [start, end) in the clause text. Nodes are plain immutable objects.

export interface Span {
  start: number;
  end: number;
}

export interface StringLiteral extends Span {
  kind: 'StringLiteral';
  value: string;
}
export interface NumberLiteral extends Span {
  kind: 'NumberLiteral';
  value: number;
  /** True when written without a decimal part. */
  integer: boolean;
}
/** A number with a unit: a distance (`10km`) or an interval (`1 day`, `2M`). */
export interface UnitLiteral extends Span {
  kind: 'UnitLiteral';
  value: number;
  unit: string;
}
export interface BooleanLiteral extends Span {
  kind: 'BooleanLiteral';
  value: boolean;
}
export interface NullLiteral extends Span {
  kind: 'NullLiteral';
}
export interface DateLiteral extends Span {
  kind: 'DateLiteral';
  /** The text between the quotes of date'…'. */
  text: string;
}
export interface GeomLiteral extends Span {
  kind: 'GeomLiteral';
  /** WKT or GeoJSON text between the quotes of geom'…'. */
  text: string;
}
/** A field or alias name. */
export interface Identifier extends Span {
  kind: 'Identifier';
  name: string;
  quoted: boolean;
}
/** `*` as a function argument (count(*), range bounds, search(*, …)). */
export interface Star extends Span {
  kind: 'Star';
}
export interface NamedArgument extends Span {
  kind: 'NamedArgument';
  name: string;
  value: Expr;
}
export interface Call extends Span {
  kind: 'Call';
  /** Lowercased function name. */
  name: string;
  nameSpan: Span;
  args: Expr[];
  distinct: boolean;
}
export interface Unary extends Span {
  kind: 'Unary';
  op: '-' | '+';
  operand: Expr;
}
export interface Arithmetic extends Span {
  kind: 'Arithmetic';
  op: '+' | '-' | '*' | '/';
  left: Expr;
  right: Expr;
}
export type CompareOp = '=' | '!=' | '<' | '>' | '<=' | '>=';
export interface Comparison extends Span {
  kind: 'Comparison';
  op: CompareOp;
  left: Expr;
  right: Expr;
}
export interface Logical extends Span {
  kind: 'Logical';
  op: 'and' | 'or';
  left: Expr;
  right: Expr;
}
export interface Not extends Span {
  kind: 'Not';
  operand: Expr;
}
export interface IsNull extends Span {
  kind: 'IsNull';
  operand: Expr;
  negated: boolean;
}
/** `f IS TRUE`, `f IS NOT FALSE`. */
export interface IsBoolean extends Span {
  kind: 'IsBoolean';
  operand: Expr;
  value: boolean;
  negated: boolean;
}
export interface InList extends Span {
  kind: 'InList';
  operand: Expr;
  values: Expr[];
  negated: boolean;
}
export interface InRange extends Span {
  kind: 'InRange';
  operand: Expr;
  low: Expr;
  high: Expr;
  lowInclusive: boolean;
  highInclusive: boolean;
  negated: boolean;
}
/** `'x' IN multivalued_field`. */
export interface InField extends Span {
  kind: 'InField';
  value: Expr;
  field: Identifier;
  negated: boolean;
}
/** `f LIKE 'words'`: the field contains the word(s). */
export interface Like extends Span {
  kind: 'Like';
  operand: Expr;
  pattern: StringLiteral;
  negated: boolean;
}
/** `f:value` term filter. */
export interface Term extends Span {
  kind: 'Term';
  field: Identifier;
  value: Expr;
}
/** A bare string in a condition: full-text search. */
export interface FullText extends Span {
  kind: 'FullText';
  text: string;
}

export type Literal =
  | StringLiteral
  | NumberLiteral
  | UnitLiteral
  | BooleanLiteral
  | NullLiteral
  | DateLiteral
  | GeomLiteral;

export type Expr =
  | Literal
  | Identifier
  | Star
  | NamedArgument
  | Call
  | Unary
  | Arithmetic
  | Comparison
  | Logical
  | Not
  | IsNull
  | IsBoolean
  | InList
  | InRange
  | InField
  | Like
  | Term
  | FullText;

export interface SelectItem extends Span {
  kind: 'SelectItem';
  expr: Expr;
  alias: Identifier | null;
  /** The expression as written, the result key when there is no alias. */
  text: string;
}
export interface SelectAll extends Span {
  kind: 'SelectAll';
}
/** `include(pattern)` or `exclude(pattern)` in select. */
export interface SelectPattern extends Span {
  kind: 'SelectPattern';
  mode: 'include' | 'exclude';
  pattern: string;
}
export type SelectEntry = SelectItem | SelectAll | SelectPattern;

export interface GroupItem extends Span {
  kind: 'GroupItem';
  expr: Expr;
  alias: Identifier | null;
  text: string;
}

export interface OrderItem extends Span {
  kind: 'OrderItem';
  expr: Expr;
  descending: boolean;
  /** A direction was written (`-`, `+`, ASC, DESC); relevance() otherwise sorts descending. */
  explicit: boolean;
}

/** A refine/exclude value: `facet:value`. */
export interface FacetFilter {
  kind: 'FacetFilter';
  facet: string;
  facetSpan: Span;
  value: string;
  valueSpan: Span;
}
