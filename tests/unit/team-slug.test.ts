import { describe, expect, it } from "vitest";

import { maxSlugLength, nextFreeSlug, slugFromName } from "~/server/teams/slug";

describe("a team's slug, derived from its name", () => {
  it.each([
    ["Platform", "platform"],
    ["Mobile Apps", "mobile-apps"],
    ["  Mobile   Apps  ", "mobile-apps"],
    ["Data & ML (Berlin)", "data-ml-berlin"],
    ["Équipe Café", "equipe-cafe"],
    ["Straße 42", "strasse-42"],
    ["Łódź Øst", "lodz-ost"],
    ["Team 2", "team-2"],
    ["--web--", "web"],
    ["snake_case_name", "snake-case-name"],
    ["ＦＵＬＬ ｗｉｄｔｈ", "full-width"],
  ])("%j → %j", (name, slug) => expect(slugFromName(name)).toBe(slug));

  it.each(["チーム", "🚀🚀", "!!!", ""])("falls back to 'team' for %j", (name) =>
    expect(slugFromName(name)).toBe("team"),
  );

  it("stays within the length limit without a dangling dash", () => {
    const slug = slugFromName(`${"a".repeat(maxSlugLength - 1)} bcdef`);
    expect(slug).toBe("a".repeat(maxSlugLength - 1));
    expect(slugFromName("word ".repeat(30)).length).toBeLessThanOrEqual(maxSlugLength);
    expect(slugFromName("word ".repeat(30))).not.toMatch(/-$/);
  });

  it("only ever holds lower-case letters, digits and single inner dashes", () => {
    for (const name of ["A  B", "a--b", "ÅÄÖ ÆØ", "x\ty\nz", "<script>", "a/b\\c"]) {
      expect(slugFromName(name)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });
});

describe("the next free slug", () => {
  it("is the base while nobody has it", () => {
    expect(nextFreeSlug("core", [])).toBe("core");
    expect(nextFreeSlug("core", ["core-2", "platform"])).toBe("core");
  });

  it("adds the smallest free suffix from 2 up", () => {
    expect(nextFreeSlug("core", ["core"])).toBe("core-2");
    expect(nextFreeSlug("core", ["core", "core-2", "core-3"])).toBe("core-4");
    expect(nextFreeSlug("core", ["core", "core-3"])).toBe("core-2");
  });

  it("is not confused by slugs that merely start like the base", () => {
    expect(nextFreeSlug("core", ["core", "core-team", "core-team-2", "core-2x"])).toBe("core-2");
  });

  it("treats a base that ends in digits like any other", () => {
    expect(nextFreeSlug("team-2", ["team-2"])).toBe("team-2-2");
  });
});
