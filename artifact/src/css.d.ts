/** Stylesheets are bundled as text (esbuild's `text` loader in artifact/build.ts). */
declare module '*.css' {
  const text: string;
  export default text;
}
