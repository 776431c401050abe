// The visitor's rating of an ended chat: "★ 4/5", the comment on hover and for screen readers.
import type { Rating } from '../../../protocol/types.js';

export function RatingBadge({ rating }: { rating: Rating }) {
  const label = `Rated ${rating.score} out of 5${rating.comment ? `: “${rating.comment}”` : ''}`;
  return (
    <span class="rating-badge" data-bulle="rating" data-score={rating.score} title={label} aria-label={label}>
      <span aria-hidden="true">★ {rating.score}/5</span>
    </span>
  );
}
