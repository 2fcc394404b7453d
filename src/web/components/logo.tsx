/** A speedometer: the needle customers move, not the company. Decorative; the name sits beside it. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <path
        d="M4 22a12 12 0 0 1 24 0"
        fill="none"
        stroke="currentColor"
        strokeWidth="3"
        strokeLinecap="round"
      />
      <path d="M16 22 L23 11" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
      <circle cx="16" cy="22" r="2.5" fill="currentColor" />
    </svg>
  );
}
