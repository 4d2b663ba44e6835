/** Keys that move between a toolbar's buttons, and where each one goes in the list of usable buttons. */
const MOVES: Record<string, (i: number, n: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/**
 * The WAI-ARIA toolbar pattern for the buttons of `root`: together they are one tab stop (the last one used),
 * and the left and right arrows, Home and End move between them. Fields (sliders, the colour, the number, the
 * list) need their own arrow keys, so they stay tab stops of their own.
 */
export class RovingButtons {
  private current: HTMLButtonElement | undefined;

  constructor(private readonly root: HTMLElement) {
    root.addEventListener('keydown', (e) => this.onKey(e));
    root.addEventListener('focusin', (e) => {
      if (e.target instanceof HTMLButtonElement) this.settle(e.target);
    });
  }

  /** After buttons were enabled, disabled or concealed: one usable button stays the tab stop. */
  update(): void {
    const usable = this.usable();
    this.settle(this.current && usable.includes(this.current) ? this.current : usable[0]);
  }

  private usable(): HTMLButtonElement[] {
    return [...this.root.querySelectorAll('button')].filter((b) => !b.disabled && !b.closest('.concealed'));
  }

  private settle(stop: HTMLButtonElement | undefined): void {
    this.current = stop;
    for (const b of this.root.querySelectorAll('button')) b.tabIndex = b === stop ? 0 : -1;
  }

  private onKey(e: KeyboardEvent): void {
    const move = MOVES[e.key];
    if (!move || !(e.target instanceof HTMLButtonElement) || e.altKey || e.ctrlKey || e.metaKey) return;
    const usable = this.usable();
    const next = usable[move(usable.indexOf(e.target), usable.length)];
    if (!next) return;
    e.preventDefault();
    this.settle(next);
    next.focus();
  }
}
