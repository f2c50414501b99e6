import type { EssayDraft } from "../schema";

/**
 * The first workshop: "Technical Competence is a Form of Leadership", copied from the shared
 * content folder into the repo so the app never reads outside itself at run time.
 */
export const technicalLeadershipSlug = "technical-competence-is-a-form-of-leadership";

const markdown = `I'm a hypocrite.

In another post I talked about building technical competence before leading.

Now I'm about to tell you that building technical competence is a form of leadership.

Which is true?

Both. Let me explain.

## What is leadership, really?

Leadership is the ability to get a team to accomplish an objective.

It can take many forms:

- People leadership
- Servant leadership
- Strategic leadership
- Charismatic leadership

But there's another:

**Technical leadership**

## What is technical leadership?

Technical leadership is the process of helping the team win by having a high level of technical expertise in your domain.

If you have a deep understanding of your domain, internalize best practices, and know how to build things the "right way", you can be a technical leader. You can scale your knowledge to the team and help everyone improve their technical skillset.

You're not leading by motivating people, being charismatic, or setting company level strategic priorities.

You lead by using your expertise to help the team achieve its goals.

## How to implement technical leadership

Once you have expertise or master in your domain, you can lead by:

- Reducing team errors and mistakes.
- Creating a culture of reviews and feedback.
- Ensuring solutions are resilient and scalable.
- Helping the team adhere to industry best practices.
- Coaching the team and building their technical skillset.
- Implementing systems to ensure standards are followed.
- Pushing technically challenging projects over the finish line.
- Ensuring projects and analyses are completed in a rigorous manner.

If you aren't charismatic, don't worry about it.

If you don't want to manage people, you don't have to.

If big picture thinking isn't your strength, don't focus on it.

If you love the technical side of your work, embrace it.

Leadership can take many forms and leading through technical expertise is a valid option.

So if you love to code, use it to your advantage.
`;

/** The eight practices under "How to implement technical leadership", in the essay's order. */
const practices: EssayDraft["practices"] = [
  {
    title: "Reduce errors and mistakes",
    description: "Reducing team errors and mistakes.",
  },
  {
    title: "Reviews and feedback",
    description: "Creating a culture of reviews and feedback.",
  },
  {
    title: "Resilient, scalable solutions",
    description: "Ensuring solutions are resilient and scalable.",
  },
  {
    title: "Industry best practices",
    description: "Helping the team adhere to industry best practices.",
  },
  {
    title: "Coaching and skills",
    description: "Coaching the team and building their technical skillset.",
  },
  {
    title: "Systems that keep standards",
    description: "Implementing systems to ensure standards are followed.",
  },
  {
    title: "Finish hard projects",
    description: "Pushing technically challenging projects over the finish line.",
  },
  {
    title: "Rigour in projects and analyses",
    description: "Ensuring projects and analyses are completed in a rigorous manner.",
  },
].map((p) => ({ ...p, practiceId: null }));

const prompts: EssayDraft["prompts"] = [
  { text: "Which of these practices do we already do well?", practiceIndex: null },
  { text: "Where did a lack of one of these practices hurt us recently?", practiceIndex: null },
  {
    text: "Which form of leadership — people, servant, strategic, charismatic or technical — does our team lean on most, and which one is missing?",
    practiceIndex: null,
  },
  { text: "What was the last mistake a review would have caught?", practiceIndex: 1 },
  {
    text: "Which standard do we agree on but not follow? What system would keep it?",
    practiceIndex: 5,
  },
  {
    text: "Which project is stuck short of the finish line, and what would push it over?",
    practiceIndex: 6,
  },
];

export const technicalLeadershipEssay: EssayDraft = {
  title: "Technical Competence is a Form of Leadership",
  markdown,
  practices,
  prompts,
};
