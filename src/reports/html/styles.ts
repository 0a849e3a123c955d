import { fontFamily } from './theme.js';

/** The page's only stylesheet, inline: the report must open offline and print cleanly. */
export const styles = `
*{box-sizing:border-box}
body{margin:0;background:#f4f6f8;color:#1d2733;font:14px/1.45 ${fontFamily};-webkit-font-smoothing:antialiased}
main{max-width:980px;margin:0 auto;padding:32px 28px 48px}
header{border-bottom:3px solid #1f4e79;padding-bottom:14px;margin-bottom:22px}
header .kicker{text-transform:uppercase;letter-spacing:.08em;font-size:11px;color:#5b6570}
h1{font-size:26px;margin:4px 0 6px;font-weight:650}
header .sub{color:#44505c}
h2{font-size:17px;margin:0 0 4px;font-weight:600}
section{background:#fff;border:1px solid #e1e6eb;border-radius:6px;padding:18px 20px;margin:0 0 18px}
.kpis{display:grid;grid-template-columns:repeat(4,1fr);gap:12px;background:none;border:0;padding:0}
.kpi{background:#fff;border:1px solid #e1e6eb;border-radius:6px;padding:12px 14px}
.kpi .value{font-size:22px;font-weight:650;font-variant-numeric:tabular-nums}
.kpi .label{font-size:12px;color:#5b6570}
.kpi .interval{font-size:11px;color:#7a848e;margin-top:2px;font-variant-numeric:tabular-nums}
figure{margin:10px 0 0}
figure svg{max-width:100%;height:auto;display:block}
figcaption,.note{color:#5b6570;font-size:12px;margin-top:6px}
.grid{display:flex;flex-wrap:wrap;gap:12px}
table{border-collapse:collapse;width:100%;font-size:12px;font-variant-numeric:tabular-nums;margin-top:8px}
th,td{padding:5px 6px;border-bottom:1px solid #edf0f3;text-align:right;white-space:nowrap}
th{white-space:normal;vertical-align:bottom}
th{font-weight:600;color:#44505c;border-bottom:1px solid #c9d1d9}
th:first-child,td:first-child{text-align:left}
td.text,th.text{text-align:left}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 18px;margin:8px 0 0;font-size:13px}
dt{color:#5b6570}dd{margin:0;font-variant-numeric:tabular-nums}
code{font-size:12px}
dl.figures{grid-template-columns:repeat(3,max-content 1fr);margin-bottom:6px}
.findings{border-left:4px solid #1f4e79}
.findings ul{margin:6px 0 0;padding-left:18px}.findings li{margin:3px 0;font-size:14.5px}
h3{font-size:14px;margin:16px 0 2px;font-weight:600}
.verdict .answer{font-size:17px;line-height:1.45;font-weight:600;margin:6px 0 4px}
.source{white-space:normal;display:inline-block;max-width:460px;text-align:left;color:#44505c}
footer{color:#7b8691;font-size:11.5px;margin-top:8px}
.status-completed{color:#2f7d4f}.status-active{color:#1f4e79}.status-queued,.status-pending{color:#b07d0a}
@media print{body{background:#fff}section,.kpi{break-inside:avoid;border-color:#ccc}}
`;
