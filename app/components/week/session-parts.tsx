import type { EventSessionView } from "~/models/event-session.server";

export function SpeakerList({ speakers }: { speakers: EventSessionView["speakers"] }) {
  return (
    <ul className="govuk-list">
      {speakers.map((s) => (
        <li key={`${s.name}-${s.organisation}`}>
          <strong>{s.name}</strong>
          {[s.role, s.organisation].filter(Boolean).map((part) => `, ${part}`).join("")}
        </li>
      ))}
    </ul>
  );
}

export function TagList({ tags, label = "Topics" }: { tags: { slug: string; label: string }[]; label?: string }) {
  if (tags.length === 0) return null;
  return (
    <ul className="app-tag-list" aria-label={label}>
      {tags.map((t) => (
        <li key={t.slug}>
          <strong className="govuk-tag govuk-tag--grey">{t.label}</strong>
        </li>
      ))}
    </ul>
  );
}
