// Small line icons (24-unit grid, currentColor), decorative: every use has a text label beside it. Each shape is drawn
// once per page in <IconSprite /> (the layout) and every icon is a <use> of it: a results page shows about 80 icons, and
// inline paths cost their bytes twice (in the HTML and again in the page's RSC payload).
type IconProps = { className?: string };
// .i in globals.css: inline-block h-4 w-4 shrink-0
const base = 'i';

const SHAPES: Record<string, React.ReactNode> = {
  copy: (
    <>
      <rect x="9" y="9" width="12" height="12" rx="2" />
      <path d="M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1" />
    </>
  ),
  check: <path d="M20 6 9 17l-5-5" />,
  link: (
    <>
      <path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7" />
      <path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7" />
    </>
  ),
  bookmark: <path d="M19 21l-7-5-7 5V5a2 2 0 0 1 2-2h10a2 2 0 0 1 2 2z" />,
  'bookmark-filled': <path d="M19 21l-7-5-7 5V5a2 2 0 0 1 2-2h10a2 2 0 0 1 2 2z" fill="currentColor" />,
  context: <path d="M4 5h16M4 10h16M4 15h10M4 20h7" />,
  search: (
    <>
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" />
    </>
  ),
  download: <path d="M12 3v12m0 0-4-4m4 4 4-4M4 21h16" />,
};

/** Every icon's shape, once per page (rendered by the root layout). */
export function IconSprite() {
  return (
    <svg aria-hidden="true" width="0" height="0" style={{ position: 'absolute' }}>
      <defs>
        {Object.entries(SHAPES).map(([id, shape]) => (
          // stroke and fill come from the icon that uses the shape (.i in globals.css), not repeated on every shape
          <symbol key={id} id={`i-${id}`} viewBox="0 0 24 24">
            {shape}
          </symbol>
        ))}
      </defs>
    </svg>
  );
}

function Svg({ className, name }: IconProps & { name: keyof typeof SHAPES }) {
  return (
    <svg aria-hidden="true" className={className ? `${base} ${className}` : base}>
      <use href={`#i-${name}`} />
    </svg>
  );
}

export const CopyIcon = (p: IconProps) => <Svg {...p} name="copy" />;
export const CheckIcon = (p: IconProps) => <Svg {...p} name="check" />;
export const LinkIcon = (p: IconProps) => <Svg {...p} name="link" />;
export const BookmarkIcon = ({ filled, ...p }: IconProps & { filled?: boolean }) => <Svg {...p} name={filled ? 'bookmark-filled' : 'bookmark'} />;
export const ContextIcon = (p: IconProps) => <Svg {...p} name="context" />;
export const SearchIcon = (p: IconProps) => <Svg {...p} name="search" />;
export const DownloadIcon = (p: IconProps) => <Svg {...p} name="download" />;
