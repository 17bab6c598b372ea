"use strict";
/*
 * Starts Swagger UI on this server's two contracts. Each file, as this server serves it, lists this server first
 * in its servers, so "Try it out" calls it; the API key given to Authorize stays in this page only.
 * A file of its own rather than an inline script: the page's Content-Security-Policy runs no inline script.
 */
window.ui = SwaggerUIBundle({
  urls: [
    {url: "/openapi.yaml", name: "tyntec 2FA API v4 (openapi.yaml)"},
    {url: "/extensions.yaml", name: "twofa-kit extensions (extensions.yaml)"}
  ],
  "urls.primaryName": "tyntec 2FA API v4 (openapi.yaml)",
  dom_id: "#swagger-ui",
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  plugins: [SwaggerUIBundle.plugins.DownloadUrl],
  layout: "StandaloneLayout",
  /* no badge from an online validator: the page talks to this server only */
  validatorUrl: null,
  persistAuthorization: false,
  displayRequestDuration: true
});
