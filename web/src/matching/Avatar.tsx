/** A member's photo, or their initials when they have none. */
export function Avatar({ name, photoURL }: { name: string; photoURL: string | null }) {
  if (photoURL) return <img className="avatar" src={photoURL} alt="" />;
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? "")
    .join("");
  return (
    <span className="avatar" aria-hidden="true">
      {initials || "?"}
    </span>
  );
}
