import {
  CROP_RATIOS,
  inRange,
  OVERLAY_COLOUR_PATTERN,
  TOOL_SETTING_RANGES as R,
  type CropRatio,
} from '../../../src/settings/ratios.js';
import { t } from '../i18n.js';
import type { EditorSettings, Transport } from '../transport/types.js';
import type { Panel } from './panel.js';
import type { Toolbar } from './toolbar.js';
import type { Workspace } from './workspace.js';

export const OVERLAY = { colour: '#ff2d6f', opacity: 0.5 };
/** Remembered settings are written this long after the last change, so a slider drag is one write. */
const SAVE_DELAY_MS = 500;

/**
 * The tools' settings the editor remembers between clicks: read from the controls that hold them, applied back
 * to them, and saved through the transport a moment after the last change.
 */
export class RememberedSettings {
  private timer = 0;
  private savedJson = '';

  constructor(
    private readonly ws: Workspace,
    private readonly panel: Panel,
    private readonly toolbar: Toolbar,
    private readonly transport: Transport,
    private readonly say: (message: string, error?: boolean) => void,
  ) {}

  /** Applies what the transport (or the valves) remembered and takes it as saved. */
  start(remembered: EditorSettings | null): void {
    this.apply(remembered ?? {});
    this.savedJson = JSON.stringify(this.current());
  }

  /** The settings where they differ from the defaults (so `{}` means "all defaults"), never prompt or picture. */
  current(): EditorSettings {
    const ws = this.ws;
    const s: EditorSettings = this.panel.remembered();
    if (ws.preferredBrushSize !== undefined) s.brush_size = ws.preferredBrushSize;
    if (ws.hardness !== 1) s.brush_hardness = ws.hardness;
    if (ws.overlayColour !== OVERLAY.colour) s.overlay_colour = ws.overlayColour;
    if (ws.overlayOpacity !== OVERLAY.opacity) s.overlay_opacity = ws.overlayOpacity;
    if (this.toolbar.cropRatio !== 'free') s.crop_ratio = this.toolbar.cropRatio;
    return s;
  }

  /**
   * Sets every remembered control; whatever `s` lacks (or holds in a shape the settings schema would refuse, e.g.
   * a hand-edited localStorage) gets the default: the valves' first, then the built-in one.
   */
  apply(s: EditorSettings): void {
    const ws = this.ws;
    this.panel.apply(s);
    const size = inRange(R.brush_size, s.brush_size);
    if (size !== undefined) ws.setBrushSize(Math.round(size));
    else ws.forgetBrushSize();
    ws.hardness = inRange(R.brush_hardness, s.brush_hardness) ?? 1;
    const colour =
      typeof s.overlay_colour === 'string' && OVERLAY_COLOUR_PATTERN.test(s.overlay_colour)
        ? s.overlay_colour
        : OVERLAY.colour;
    const opacity = inRange(R.overlay_opacity, s.overlay_opacity) ?? OVERLAY.opacity;
    const ratio: CropRatio = CROP_RATIOS.includes(s.crop_ratio as CropRatio) ? (s.crop_ratio as CropRatio) : 'free';
    this.toolbar.apply({ colour, opacity, ratio });
  }

  /** Back to the defaults, and forgotten where they were kept. */
  reset(): void {
    this.apply({});
    clearTimeout(this.timer);
    this.savedJson = JSON.stringify(this.current());
    this.say(t('panel.reset_done'));
    this.transport
      .saveSettings({})
      .catch((err: unknown) => this.say(t('net.settings_not_saved', { error: (err as Error).message }), true));
  }

  schedule(): void {
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.persist(), SAVE_DELAY_MS);
  }

  /** Saves now: inside Open WebUI the editor goes away after Send or Close. */
  flush(): void {
    clearTimeout(this.timer);
    void this.persist();
  }

  private async persist(): Promise<void> {
    const settings = this.current();
    const json = JSON.stringify(settings);
    if (json === this.savedJson) return;
    this.savedJson = json;
    try {
      await this.transport.saveSettings(settings);
    } catch (err) {
      this.savedJson = '';
      this.say(t('net.settings_not_saved', { error: (err as Error).message }), true);
    }
  }
}
