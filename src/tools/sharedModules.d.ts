// A module esbuild makes while bundling (esbuild.bundles.mjs): importing it registers the extension's modules that
// dist/tools.js shares. It has no exports.
declare module 'telnyx-porting:shared-modules';
