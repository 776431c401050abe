// fast-check arbitraries derived from the protocol's TypeBox schemas: values a schema accepts,
// and "near-valid" ones (one field wrong, one extra key, one key missing). Covers the subset the
// protocol uses: Object, String (with pattern), Integer, Number, Boolean, Literal, Union,
// Array, Record. `bias` overrides a property's generator by name (real ids reach the handlers).
import fc, { type Arbitrary } from 'fast-check';
import { Kind, type TSchema } from '@sinclair/typebox';

type Bias = Record<string, Arbitrary<unknown>>;
type S = TSchema & Record<string, any>;

export function validFor(schema: TSchema, bias: Bias = {}): Arbitrary<unknown> {
  const s = schema as S;
  switch (s[Kind]) {
    case 'Object': {
      const props = Object.entries((s.properties ?? {}) as Record<string, TSchema>);
      const required = new Set<string>(s.required ?? []);
      const model = Object.fromEntries(props.map(([k, v]) => [k, bias[k] ? fc.oneof({ weight: 3, arbitrary: bias[k]! }, { weight: 1, arbitrary: validFor(v, bias) }) : validFor(v, bias)]));
      return fc.record(model, { requiredKeys: [...required] });
    }
    case 'String': {
      const min = s.minLength ?? 0;
      const max = Math.min(s.maxLength ?? 40, 60);
      // "^[class]+$" with a length range: characters of the class, the right number of them.
      const charClass = /^\^(\[[^\]]+\])[+*]\$$/.exec(s.pattern ?? '');
      if (charClass) return fc.string({ unit: fc.stringMatching(new RegExp(`^${charClass[1]}$`)), minLength: min, maxLength: max });
      if (!s.pattern) return fc.string({ minLength: min, maxLength: max });
      // Other patterns: as generated (never filtered, so generation always ends); too long is cut.
      return fc.stringMatching(new RegExp(s.pattern), { size: 'small' }).map((x) => x.slice(0, s.maxLength ?? Infinity));
    }
    case 'Integer':
      return fc.integer({ min: s.minimum ?? -5, max: Math.min(s.maximum ?? 50, 1e6) });
    case 'Number':
      return fc.double({ min: s.minimum ?? -5, max: s.maximum ?? 50, noNaN: true });
    case 'Boolean':
      return fc.boolean();
    case 'Literal':
      return fc.constant(s.const);
    case 'Union':
      return fc.oneof(...(s.anyOf as TSchema[]).map((x) => validFor(x, bias)));
    case 'Array':
      return fc.array(validFor(s.items, bias), { maxLength: Math.min(s.maxItems ?? 3, 3) });
    case 'Record': {
      const [pattern, value] = Object.entries(s.patternProperties as Record<string, TSchema>)[0]!;
      return fc.dictionary(fc.stringMatching(new RegExp(pattern)), validFor(value, bias), { minKeys: s.minProperties ?? 0, maxKeys: 3 });
    }
    default:
      return fc.anything({ maxDepth: 1 });
  }
}

/** One defect on a valid object: a field set to `wrong`, an extra key, or a key removed. */
export function nearValidFor(schema: TSchema, extraKeys: string[], wrong: Arbitrary<unknown>, bias: Bias = {}): Arbitrary<unknown> {
  return fc
    .tuple(validFor(schema, bias), fc.constantFrom('replace', 'extra', 'remove'), fc.nat(), fc.constantFrom(...extraKeys), wrong)
    .map(([value, how, n, extra, bad]) => {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return bad;
      const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      const keys = Object.keys(out);
      if (how === 'extra' || keys.length === 0) Object.defineProperty(out, extra, { value: bad, enumerable: true, configurable: true, writable: true });
      else if (how === 'replace') out[keys[n % keys.length]!] = bad;
      else delete out[keys[n % keys.length]!];
      return out;
    });
}
