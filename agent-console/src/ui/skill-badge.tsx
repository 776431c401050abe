// "No skill match": a chat given to a speaker of its language who lacks its topic's skill
// (nobody with it was free within the site's skill wait). The text says it; the title says why.
export function SkillFallbackBadge({ topic }: { topic?: string }) {
  return (
    <span class="flag flag--other-lang" data-bulle="skill-fallback" title={`Nobody with the ${topic ?? 'topic'} skill was free in time`}>
      outside your skills
    </span>
  );
}

/** What the chat is about, next to its title. */
export function TopicBadge({ topic }: { topic: string }) {
  return (
    <span class="tag" data-bulle="topic" title={`Topic: ${topic}`}>
      {topic}
    </span>
  );
}
