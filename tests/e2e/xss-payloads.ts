/** Classic XSS payloads, for unit (renderer) and e2e (every place content is shown) tests. */
export const xssPayloads = [
  "<script>window.__xss=1</script>",
  "<SCRIPT SRC=https://evil.test/x.js></SCRIPT>",
  '<img src=x onerror="window.__xss=1">',
  "<img src=x onerror=window.__xss=1>",
  '<svg onload="window.__xss=1"><circle r="1"/></svg>',
  "<svg><script>window.__xss=1</script></svg>",
  '<iframe src="javascript:window.__xss=1"></iframe>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<a href="javascript:window.__xss=1">click</a>',
  "[click](javascript:window.__xss=1)",
  "[click](JaVaScRiPt:window.__xss=1)",
  "[click](&#106;avascript:window.__xss=1)",
  "[click](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==)",
  "![img](javascript:window.__xss=1)",
  '<a href="data:text/html,<script>window.__xss=1</script>">data</a>',
  '<div style="background:url(javascript:window.__xss=1)">styled</div>',
  '<p style="width: expression(window.__xss=1)">ie</p>',
  "<style>body{background:url(javascript:window.__xss=1)}</style>",
  '<body onload="window.__xss=1">',
  '<details open ontoggle="window.__xss=1">x</details>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1">',
  '<object data="javascript:window.__xss=1"></object>',
  '<embed src="javascript:window.__xss=1">',
  '<form action="javascript:window.__xss=1"><button>go</button></form>',
  '<input autofocus onfocus="window.__xss=1">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  '<base href="javascript:window.__xss=1//">',
  '<a href="  javascript:window.__xss=1">spaced</a>',
  '"><img src=x onerror=window.__xss=1>',
  "<<script>script>window.__xss=1<</script>/script>",
];

/** The payloads that fit a field of at most `max` characters (names are short). */
export function payloadsUpTo(max: number) {
  return xssPayloads.filter((payload) => payload.length <= max);
}
