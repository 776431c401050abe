// The app's CSS, injected into the loader's shadow root: the shop's styles cannot reach it and
// it cannot reach the shop. Inputs use 16px text so iOS does not zoom in on focus. A phone gets
// the whole screen upright (narrow) and on its side (short); the close button is a 44×44 target.
// Text keeps 4.5:1 in every state (a pending message is pale by its colours, not by opacity).
export const css = `
.panel,.badge{font:14px/1.4 system-ui,sans-serif;color:#111;box-sizing:border-box;position:fixed;z-index:2147483001}
.panel *{box-sizing:border-box;font:inherit}
.panel{right:20px;bottom:88px;width:370px;height:min(580px,calc(100vh - 108px));height:min(580px,calc(100dvh - 108px));display:flex;flex-direction:column;background:#fff;border-radius:14px;box-shadow:0 8px 40px #0003;overflow:hidden}
.head{display:flex;align-items:center;gap:4px;padding:6px 6px 6px 14px;background:#1d4ed8;color:#fff}
.head div{flex:1}
.head strong{display:block;font-weight:600}
.head span{font-size:12px}
.x{border:0;background:none;color:inherit;font-size:24px;cursor:pointer;padding:0;min-width:44px;min-height:44px;border-radius:8px}
.list{flex:1;overflow-y:auto;margin:0;padding:12px;list-style:none;display:flex;flex-direction:column;gap:8px;background:#f6f7f9}
.msg{max-width:85%;padding:8px 11px;border-radius:12px;background:#fff;border:1px solid #ddd;white-space:pre-wrap;overflow-wrap:anywhere}
.visitor{align-self:flex-end;background:#1d4ed8;color:#fff}
.system{align-self:center;background:none;border:0;color:#555;font-size:13px}
.pending{background:#e0e7ff;color:#1e3a8a;border:1px dashed #1d4ed8}
.who{display:block;font-size:12px;font-weight:600}
.msg ul{margin:6px 0 0;padding:0;list-style:none}
.msg a,.teaser a{color:#1d4ed8;font-weight:600}
.qr{margin:6px 0 0;display:flex;flex-wrap:wrap;gap:4px;align-items:center;font-size:13px}
.qr button,.head select{border:1px solid #1d4ed8;border-radius:12px;background:#fff;color:#1d4ed8;cursor:pointer;padding:2px 9px}
.retry{display:block;border:0;background:none;color:inherit;text-decoration:underline;cursor:pointer;padding:0;font-size:12px}
.note{margin:0;padding:6px 14px;font-size:13px;background:#fef3c7}
.error{background:#fee2e2}
.mail{display:flex;gap:6px;margin-top:6px}
.note p{margin:6px 0 0}
.mail input{flex:1;min-width:0;padding:6px 8px;border:1px solid #ccc;border-radius:6px;font-size:16px}
.end,.stars button{border:0;background:none;color:inherit;cursor:pointer;min-height:44px;padding:0 6px}
.end{text-decoration:underline}
.stars{display:flex}
.stars button{font-size:24px;color:#4b5563;min-width:40px}
.stars .on{color:#b45309}
.ended form{margin:0}
.send:disabled{background:#4b5563;cursor:default}
.human{margin:8px 12px 0;padding:7px;border:1px solid;border-radius:8px;background:#fff;color:#1d4ed8;cursor:pointer}
.composer{display:flex;gap:8px;padding:8px 12px 12px}
textarea{flex:1;resize:none;height:42px;padding:9px 10px;border:1px solid #ccc;border-radius:8px;font-size:16px!important}
.send{padding:0 14px;border:0;border-radius:8px;background:#1d4ed8;color:#fff;cursor:pointer;font-weight:600}
.badge{right:16px;bottom:60px;min-width:20px;padding:0 6px;border-radius:10px;background:#dc2626;color:#fff;font-size:12px;font-weight:700;line-height:20px;text-align:center;pointer-events:none}
.count{text-align:right;color:#444;background:none;padding-bottom:0}
.count.error{text-align:left;color:#111;background:#fee2e2;padding-bottom:6px}
.teaser{font:14px/1.4 system-ui,sans-serif;position:fixed;z-index:2147483001;right:20px;bottom:88px;max-width:280px;padding:10px 12px;background:#fff;color:#111;border-radius:12px;box-shadow:0 6px 24px #0003}
.teaser .x{float:right;min-width:32px;min-height:32px;font-size:20px;color:#444;margin:-6px -6px 0 4px}
.say{all:unset;cursor:pointer;display:block}
.say:focus-visible{outline:2px solid #1d4ed8}
@media (max-width:480px),(max-height:480px){.panel{inset:0;width:auto;height:auto;border-radius:0}}
`;

/**
 * The site's colour and side (from the loader's request). The colour is checked again here: it is
 * put into CSS text, so only "#rrggbb" is taken.
 */
export function lookCss(look: { c?: string; p?: string }): string {
  let out = '';
  if (look.p === 'l') out += '.panel,.teaser{right:auto;left:20px}.badge{right:auto;left:60px}';
  if (look.c && /^#[0-9a-fA-F]{6}$/.test(look.c)) out += `.head,.visitor,.send{background:${look.c}}`;
  return out;
}
