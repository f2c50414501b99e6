import { describe, expect, it } from "vitest";

import { technicalLeadershipEssay } from "~/db/seed/technical-leadership";

describe("the seeded workshop", () => {
  it("has the eight practices of the essay's list, in order, each with a short title", () => {
    const listed = technicalLeadershipEssay.markdown
      .split("## How to implement technical leadership")[1]!
      .split("\n")
      .filter((line) => line.startsWith("- "))
      .map((line) => line.slice(2));
    expect(listed).toHaveLength(8);
    expect(technicalLeadershipEssay.practices.map((p) => p.description)).toEqual(listed);
    for (const practice of technicalLeadershipEssay.practices) {
      expect(practice.title.length).toBeLessThanOrEqual(40);
    }
  });

  it("has discussion prompts, the ones about a practice pointing at a real one", () => {
    expect(technicalLeadershipEssay.prompts.length).toBeGreaterThanOrEqual(4);
    for (const prompt of technicalLeadershipEssay.prompts) {
      if (prompt.practiceIndex !== null) {
        expect(technicalLeadershipEssay.practices[prompt.practiceIndex]).toBeDefined();
      }
    }
  });
});
