import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseInstant } from "../../src/validate/instant.js";

const two = (n: number) => String(n).padStart(2, "0");

describe("parseInstant", () => {
  it("agrees with Date.parse on any ISO datetime with an offset", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2199-12-31T23:59:59Z"), noInvalidDate: true }),
        fc.constantFrom("Z", "+00:00", "-04:00", "+05:30", "-12:00", "+14:00"),
        fc.constantFrom("minutes", "seconds", "millis", "micros"),
        (date, offset, precision) => {
          const sign = offset === "Z" ? 0 : offset[0] === "-" ? -1 : 1;
          const shift = offset === "Z" ? 0 : sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4))) * 60_000;
          const local = new Date(date.getTime() + shift).toISOString();
          const head = local.slice(0, precision === "minutes" ? 16 : 19);
          const fraction = precision === "millis" ? local.slice(19, 23) : precision === "micros" ? `${local.slice(19, 23)}731` : "";
          const text = `${head}${fraction}${offset}`;
          expect(parseInstant(text)).toBe(Date.parse(text));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("hands anything else to Date.parse, so the answers still agree", () => {
    for (const text of ["2026-02-30T10:00:00Z", "2026-09-14T16:30:00", "2026-09-14 16:30:00Z", "2026-13-01T00:00:00Z", "2026-09-14T24:00:00Z", "2026-09-14T16:30:00.Z", "garbage", ""]) {
      const expected = Date.parse(text);
      const actual = parseInstant(text);
      if (Number.isNaN(expected)) expect(actual).toBeNaN();
      else expect(actual).toBe(expected);
    }
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (text) => void expect(Object.is(parseInstant(text), Date.parse(text)) || parseInstant(text) === Date.parse(text)).toBe(true)));
  });

  it("agrees with Date.parse on the two usual forms with any one character changed", () => {
    // The 25- and 20-character forms are read by a shorter path that must refuse what Date.parse refuses.
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2199-12-31T23:59:59Z"), noInvalidDate: true }),
        fc.boolean(),
        fc.nat(24),
        fc.constantFrom(..."0123456789-:T+Z. x/9"),
        (date, utc, at, character) => {
          const text = date.toISOString().slice(0, 19) + (utc ? "Z" : "-04:00");
          const changed = text.slice(0, at % text.length) + character + text.slice((at % text.length) + 1);
          const expected = Date.parse(changed);
          const actual = parseInstant(changed);
          if (Number.isNaN(expected)) expect(actual).toBeNaN();
          else expect(actual).toBe(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("reads a leap day and the offset exactly", () => {
    expect(parseInstant("2028-02-29T23:30:00-01:00")).toBe(Date.UTC(2028, 2, 1, 0, 30));
    expect(parseInstant(`2026-09-14T16:${two(30)}Z`)).toBe(Date.UTC(2026, 8, 14, 16, 30));
  });
});
