/**
 * The standalone editor page. The sidecar's CSP forbids inline scripts, so the page only loads
 * /editor.js; the token arrives in the URL fragment (never sent to the server in a request line or logs).
 */
export function standalonePage(): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>FLUX Inpaint</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
<noscript>The FLUX Inpaint editor needs JavaScript.</noscript>
<script src="/editor.js"></script>
</body>
</html>
`;
}
