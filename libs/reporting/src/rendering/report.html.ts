import { BREACH_PEOPLE_THRESHOLD, type DraftField } from '../domain/breach-report.js';
import type { ComplianceReport, ReportDataset, ReportParty, SectionAvailability } from '../domain/compliance-report.js';
import { jstDate, jstDateTime } from './jst-time.js';
import { barChart } from './svg-charts.js';

const esc = (value: unknown) => String(value ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const num = (n: number) => n.toLocaleString('en');
const day = (iso: string) => jstDate(iso);
/** A period's end is exclusive; people read "to 30 June", not "to 1 July". */
const jstDay = jstDate;
const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
/** Evidence and similar lists printed in full up to this many; the rest is named by how to get it. */
const LISTED_POSITIONS = 40;
const positions = (list: string[]) =>
  `${esc(list.slice(0, LISTED_POSITIONS).join(', '))}${list.length > LISTED_POSITIONS ? ` … (${num(list.length)} in all; the report in <code>--format csv</code> or <code>--format json</code> lists every one)` : ''}`;
const party = (p: ReportParty | null) => (p ? `${esc(p.name ?? p.id)}${p.name ? ` <span class="id">${esc(p.id)}</span>` : ''}` : '—');
const dataset = (d: ReportDataset) => `${esc(d.name ?? d.id)} <span class="id">${esc(d.id)}</span>`;
const heading = (n: number, ja: string, en: string, id: string) => `<h2 id="${id}"><span class="no">${n}.</span> ${ja} <span class="en">${en}</span></h2>`;

function table(header: string[], rows: string[][], numeric: number[] = [], options: { className?: string; cellClasses?: Record<number, string> } = {}): string {
  if (rows.length === 0) return '<p class="none">該当なし (none)</p>';
  const classOf = (i: number) => [numeric.includes(i) ? 'num' : '', options.cellClasses?.[i] ?? ''].filter(Boolean).join(' ');
  const td = (cells: string[], tag: 'td' | 'th') => cells.map((c, i) => `<${tag}${classOf(i) ? ` class="${classOf(i)}"` : ''}>${c}</${tag}>`).join('');
  return `<table${options.className ? ` class="${options.className}"` : ''}><thead><tr>${td(header, 'th')}</tr></thead><tbody>${rows.map((r) => `<tr>${td(r, 'td')}</tr>`).join('')}</tbody></table>`;
}

/** A printed report lists this many findings with their evidence; the CSV and JSON hold them all. */
const LISTED_FINDINGS = 200;

const notAvailable = (s: SectionAvailability) => `<p class="unavailable"><strong>未提供 Not yet available.</strong> ${esc(s.note)}</p>`;

function field(label: string, f: DraftField): string {
  const body = f.toFill ? `<span class="fill">要記入 to be filled by the organization</span> <span class="asks">${esc(f.asks)}</span>${f.text ? `<br>${esc(f.text)}` : ''}` : esc(f.text);
  return `<tr><th>${label}</th><td>${body}</td></tr>`;
}

const CSS = `
@page { size: A4; margin: 16mm 14mm 18mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", Meiryo, sans-serif; font-size: 10pt; color: #111; margin: 0 auto; max-width: 190mm; line-height: 1.45; }
header.cover { border-bottom: 3px solid #1f3a5f; padding: 8mm 0 4mm; margin-bottom: 6mm; }
h1 { font-size: 18pt; margin: 0 0 2mm; color: #1f3a5f; }
h1 .en, h2 .en, h3 .en { font-weight: normal; color: #555; font-size: 0.7em; }
h2 { font-size: 13pt; color: #1f3a5f; border-bottom: 1px solid #1f3a5f; margin: 8mm 0 3mm; break-after: avoid; }
h3 { font-size: 11pt; margin: 5mm 0 2mm; break-after: avoid; }
.no { color: #888; }
section.major { break-before: page; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; font-size: 8.5pt; }
table.findings td.rule { min-width: 38mm; }
table.findings td.evidence { max-width: 30mm; overflow-wrap: anywhere; font-size: 7.5pt; }
td.nowrap, th.nowrap { white-space: nowrap; }
.rule-code { display: block; color: #777; font-size: 0.8em; font-family: monospace; }
.en-line { display: block; color: #555; font-size: 0.9em; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #bbb; padding: 1.2mm 1.6mm; text-align: left; vertical-align: top; }
th { background: #eef2f7; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.id { color: #777; font-size: 0.85em; font-family: monospace; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2mm; margin: 3mm 0; }
.card { border: 1px solid #ccd; border-radius: 2mm; padding: 2mm; break-inside: avoid; }
.card .v { font-size: 15pt; font-weight: bold; color: #1f3a5f; }
.card .k { font-size: 8pt; color: #444; }
.unavailable { border: 1px dashed #a66; background: #fff6f4; padding: 2mm 3mm; }
.none { color: #666; font-style: italic; }
.fill { display: inline-block; border: 1px solid #b00; color: #b00; font-weight: bold; padding: 0 1mm; font-size: 8pt; }
.asks { color: #444; }
.draft { border: 1px solid #999; padding: 2mm 3mm; margin: 3mm 0; break-inside: avoid; }
.draft table th { width: 32mm; }
.rules li { margin: 0.5mm 0; }
.meta td:first-child { width: 40mm; font-weight: bold; }
nav ol { columns: 2; font-size: 9pt; }
footer { margin-top: 8mm; border-top: 1px solid #ccc; font-size: 8pt; color: #555; }
svg { display: block; margin: 2mm 0; }
@media screen { body { padding: 0 6mm 10mm; } }
@media print { a { color: inherit; text-decoration: none; } }
`;

/** The report as one self-contained, printable HTML page: inline CSS and SVG, no scripts, nothing fetched. */
export function renderReportHtml(report: ComplianceReport): string {
  const { activity, findings, tieHygiene: ties, exposure, privacyImpactAssessments: pia, breachReports: breach } = report;
  const t = activity.totals;
  const scope = report.organization ? party(report.organization) : '全機関 (all organizations)';
  const periodText = `${jstDay(report.period.from)} – ${jstDay(report.period.to, -1)}`;
  const card = (value: number, ja: string, en: string) => `<div class="card"><div class="v">${num(value)}</div><div class="k">${ja}<br>${en}</div></div>`;

  // A provision row is the requester's (it asked); its provider is the counterparty, credited with what it provided.
  const byOrganization = new Map<string, { organization: ReportParty; counts: Record<string, number>; refused: number; nonDisclosed: number }>();
  const entryOf = (p: ReportParty) => byOrganization.get(p.id) ?? byOrganization.set(p.id, { organization: p, counts: {}, refused: 0, nonDisclosed: 0 }).get(p.id)!;
  for (const r of activity.rows) {
    const entry = entryOf(r.organization);
    const kind = r.kind === 'PROVISION' ? 'REQUESTED' : r.kind;
    entry.counts[kind] = (entry.counts[kind] ?? 0) + r.count;
    entry.refused += r.refused;
    entry.nonDisclosed += r.nonDisclosed;
    if (r.kind === 'PROVISION' && r.counterparty) {
      const provider = entryOf(r.counterparty);
      provider.counts.PROVIDED = (provider.counts.PROVIDED ?? 0) + r.count - r.refused;
    }
  }
  const findingRules = [...new Map(findings.findings.map((f) => [f.rule, f])).values()].sort((x, y) => x.rule.localeCompare(y.rule));
  const pastYearByHolder = new Map<string, number>();
  for (const incident of breach.pastYear) pastYearByHolder.set(incident.organization.id, (pastYearByHolder.get(incident.organization.id) ?? 0) + 1);

  const sections = [
    `<section>${heading(1, '概要', 'Summary', 'summary')}
      <div class="cards">
        ${card(t.provisions, '情報提供', 'provisions')}${card(t.provisionsRefused, '提供拒否', 'provisions refused')}${card(t.nonDisclosed, '不開示 (未解除)', 'non-disclosed, not released')}${card(t.accesses, '閲覧・利用', 'accesses')}
        ${card(t.accessesDenied, '閲覧拒否', 'accesses denied')}${card(t.ties, '紐付け', 'ties made')}${card(t.cuts, '紐付け解除', 'ties cut')}${card(ties.overdueTies, '解除期限超過', 'overdue ties at period end')}
        ${card(ties.liveTies, '存続中の紐付け', 'live ties at period end')}${card(ties.liveTiesThroughMyNumber, '個人番号による紐付け', 'live ties through the My Number')}${findings.available ? card(findings.findings.length, '指摘事項', 'findings') : ''}${card(breach.drafts.length, '漏えい等報告 (案)', 'breach report drafts')}
      </div></section>`,

    `<section class="major">${heading(2, '情報提供等の状況', 'Activity', 'activity')}
      ${barChart('月別件数 Monthly activity', activity.months.map((m) => m.month), [
        { name: '情報提供 provisions', color: '#1f77b4', values: activity.months.map((m) => m.provisions) },
        { name: '閲覧 accesses', color: '#2ca02c', values: activity.months.map((m) => m.accesses) },
        { name: '紐付け ties', color: '#ff7f0e', values: activity.months.map((m) => m.ties) },
        { name: '解除 cuts', color: '#9467bd', values: activity.months.map((m) => m.cuts) },
      ])}
      <h3>機関別 <span class="en">By organization</span></h3>
      <p>情報提供は照会した機関 (照会者) の行に「照会」として、提供した機関 (提供者) の行に「提供」として数えます
         (a provision is counted as requested by the requester and as provided by the provider, refusals left out).</p>
      ${table(['機関 organization', '照会 requested (as requester)', '提供 provided (as provider)', '紐付け ties', '解除 cuts', '閲覧 accesses', '拒否 refused/denied', '不開示 non-disclosed'],
        [...byOrganization.values()].map((o) => [party(o.organization), ...['REQUESTED', 'PROVIDED', 'LINK', 'UNLINK', 'ACCESS'].map((k) => num(o.counts[k] ?? 0)), num(o.refused), num(o.nonDisclosed)]), [1, 2, 3, 4, 5, 6, 7])}
      <h3>機関・事務・月別 <span class="en">By organization, procedure and month</span></h3>
      <p>情報提供の行の「機関」は照会者、「相手方」は提供者です (for a provision, the organization is the requester and the counterparty the provider).</p>
      ${table(['月 month', '機関 (照会者) organization (requester)', '種別 kind', '相手方 (提供者) counterparty (provider)', '事務・目的 procedure / purpose', '件数 count', '拒否 refused', '不開示 non-disclosed'],
        activity.rows.map((r) => [esc(r.month), party(r.organization), esc(r.kind), party(r.counterparty), esc(r.procedure ?? '—'), num(r.count), num(r.refused), num(r.nonDisclosed)]), [5, 6, 7],
        { cellClasses: { 0: 'nowrap' } })}
      </section>`,

    `<section class="major">${heading(3, '指摘事項', 'Compliance findings', 'findings')}
      ${findings.available
        ? `<p>評価時点 (as of) ${esc(jstDateTime(findings.asOf))}: 期間中に検出された事項 (findings detected in the period).</p>
           ${table(['規則 rule', '重大度 severity', '機関 organization', '件数 count'],
             findings.groups.map((g) => [`${esc(g.title)}<span class="rule-code">${esc(g.rule)}</span>`, esc(g.severity), party(g.organization), num(g.count)]), [3])}
           <h3>規則と根拠法令 <span class="en">The rules found, and the statutes they rest on</span></h3>
           ${table(['規則 rule', '内容 why it matters', '根拠法令 statute'],
             findingRules.map((f) => [`${esc(f.title)}<span class="en-line">${esc(f.titleEn)}</span><span class="rule-code">${esc(f.rule)}</span>`,
               `${esc(f.description)}<span class="en-line">${esc(f.descriptionEn)}</span>`, esc(f.statute)]), [], { className: 'findings', cellClasses: { 0: 'rule' } })}
           <h3>根拠となるイベント <span class="en">Evidence (global positions of the causing events)</span></h3>
           ${table(['検出日 detected (JST)', '規則 rule', '重大度 severity', '機関 organization', '立場 party', '職員 staff', '本人数 people', '証跡 evidence'],
             findings.findings.slice(0, LISTED_FINDINGS).map((f) => [esc(day(f.detectedAt)), `${esc(f.title)}<span class="rule-code">${esc(f.rule)}</span>`, esc(f.severity), party(f.organization),
               f.party === 'PROVIDER' ? '提供者 provider' : f.party === 'REQUESTER' ? '照会者 requester' : '—', esc(f.staffCode ?? '—'), num(f.subjectIds.length), `<span class="id">${positions(f.evidence)}</span>`]),
             [6], { className: 'findings', cellClasses: { 0: 'nowrap', 1: 'rule', 7: 'evidence' } })}
           ${findings.findings.length > LISTED_FINDINGS ? `<p>… ${num(findings.findings.length - LISTED_FINDINGS)} more (first ${LISTED_FINDINGS} of ${num(findings.findings.length)} listed); the report in <code>--format csv</code> or <code>--format json</code> lists every one.</p>` : ''}`
        : notAvailable(findings)}
      </section>`,

    `<section class="major">${heading(4, '紐付けの管理状況', 'Tie hygiene', 'ties')}
      <p>期間末 (at the end of the period, ${esc(jstDateTime(ties.asOf))}): 存続中 live ${num(ties.liveTies)}, うち解除期限超過 overdue ${num(ties.overdueTies)},
         個人番号による紐付け through the My Number ${num(ties.liveTiesThroughMyNumber)}. 期間中 in the period: 紐付け made ${num(ties.tiesMadeInPeriod)}, 解除 cut ${num(ties.tiesCutInPeriod)}.</p>
      ${barChart('紐付けの存続期間 Tie lifetimes', ties.lifetimes.map((b) => b.label), [
        { name: '期間中に解除 cut in period', color: '#9467bd', values: ties.lifetimes.map((b) => b.cutInPeriod) },
        { name: '存続中 live at end', color: '#d62728', values: ties.lifetimes.map((b) => b.live) },
      ])}
      <h3>解除期限を過ぎた紐付け <span class="en">Ties past their expected cut-off</span></h3>
      ${table(['紐付け tie', '機関 organization', 'データセット datasets', 'キー key', '紐付け日 linked', '解除予定 cut-off', '超過日数 days overdue'],
        ties.overdue.map((o) => [esc(o.tieId), party(o.organization), esc(o.datasets.join(', ')), esc(o.key), esc(day(o.linkedAt)), esc(day(o.expectedCutOffAt)), num(o.daysOverdue)]), [6],
        { cellClasses: { 4: 'nowrap', 5: 'nowrap' } })}
      </section>`,

    `<section class="major">${heading(5, '名寄せリスク', 'Name-matching exposure', 'exposure')}
      ${exposure.available
        ? `${barChart('本人ごとの名寄せリスク Per-subject exposure', exposure.distribution.map((d) => d.label), [{ name: '本人 subjects', color: '#1f77b4', values: exposure.distribution.map((d) => d.subjects) }])}
           <h3>k = 1 または一意性の高いデータセット <span class="en">Datasets with k = 1 or high sample uniqueness</span></h3>
           ${table(['データセット dataset', '件数 records', 'k', '一意性 uniqueness', '理由 reason'], exposure.riskyDatasets.map((d) => [dataset(d.dataset), num(d.records), num(d.k), (d.sampleUniqueness * 100).toFixed(1) + '%', esc(d.reason)]), [1, 2, 3])}
           <h3>照合しやすいデータセットの組 <span class="en">Most matchable dataset pairs</span></h3>
           <p>照合可能率は各データセットの記録のうち相手と一対一で照合できる割合です (matchability: the share of each dataset's records that match one-to-one in the other).</p>
           ${table(['A', 'B', 'A の照合可能率 share of A', 'B の照合可能率 share of B', '理由 reason'],
             exposure.matchablePairs.map((p) => [dataset(p.datasetA), dataset(p.datasetB), percent(p.shareOfA), percent(p.shareOfB), esc(p.reason)]), [2, 3])}`
        : notAvailable(exposure)}
      </section>`,

    `<section class="major">${heading(6, '特定個人情報保護評価', 'Privacy impact assessment (PIA) required', 'pia')}
      <p>しきい値判断 (threshold rule), ${esc(pia.source)}:</p>
      <ul class="rules">${pia.rules.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>
      <p>集計方法 (how the inputs are counted):</p>
      <ul class="rules">${pia.measures.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>
      <p>重大事故の数は、期間末までの1年間の漏えい等事態 (7.2 に一覧) のうち保有機関のものです (serious incidents: the incidents of the holder in the year to the end of the period, each listed in 7.2).</p>
      ${table(['データセット dataset', '保有機関 holder', '対象人数 people', '取扱者数 staff', '重大事故 incidents (1 y, 7.2)', '必要な評価 assessments', '理由 reason'],
        pia.datasets.map((d) => [dataset(d.dataset), party(d.dataset.holder), num(d.peopleCovered), num(d.staffWithAccess), num(d.seriousIncidentsPastYear),
          d.level === 'NOT_APPLICABLE' ? '対象外 not applicable' : d.assessments.length ? esc(d.assessments.join(' + ')) : '義務付けなし not required', esc(d.reason)]), [2, 3, 4])}
      </section>`,

    `<section class="major">${heading(7, '漏えい等報告(案)', 'Breach report drafts', 'breach')}
      ${breach.complete ? '' : `<p class="unavailable"><strong>一部未提供 Partly available.</strong> ${esc(breach.note)}</p>`}
      <p>適用した報告対象事態 (categories applied; 本人の数 ${BREACH_PEOPLE_THRESHOLD} 人を超えるものは第5号):</p>
      ${table(['区分 category', '根拠 basis', '内容', 'meaning'], breach.categories.map((c) => [esc(c.code), esc(c.basis), esc(c.name), esc(c.english)]))}
      ${breach.drafts.length === 0 ? '<p class="none">報告対象となる事態は検知されませんでした (no incident met a category).</p>' : ''}
      ${breach.drafts.map((d, i) => `<div class="draft"><h3>案 ${i + 1} <span class="en">Draft ${i + 1}</span>: ${party(d.organization)}</h3><table>
        <tr><th>区分 categories</th><td>${esc(d.categories.map((c) => breach.categories.find((x) => x.code === c)?.basis ?? c).join(', '))}</td></tr>
        <tr><th>概要 summary</th><td>${esc(d.summary)}</td></tr>
        <tr><th>項目 items</th><td>${esc(d.items.join(', ') || '—')}</td></tr>
        <tr><th>本人の数 people</th><td>${num(d.peopleAffected)}</td></tr>
        <tr><th>期間 when</th><td>${esc(jstDateTime(d.firstOccurredAt))} – ${esc(jstDateTime(d.lastOccurredAt))}</td></tr>
        ${field('原因 cause', d.cause)}${field('二次被害 secondary harm', d.secondaryHarm)}${field('本人への対応 response to the people', d.responseToPeople)}
        ${field('公表 publication', d.publication)}${field('再発防止策 prevention', d.prevention)}
        <tr><th>証跡 evidence</th><td class="id">${positions(d.evidence)}</td></tr>
      </table></div>`).join('')}
      <h3>7.2 過去1年間の漏えい等事態 <span class="en">Incidents in the year to the end of the period (what the PIA counts)</span></h3>
      ${table(['機関 organization', '区分 categories', '本人の数 people', '期間 when (JST)', 'この報告の案 drafted above'],
        breach.pastYear.map((i) => [party(i.organization), esc(i.categories.map((c) => breach.categories.find((x) => x.code === c)?.basis ?? c).join(', ')), num(i.peopleAffected),
          `${esc(jstDateTime(i.firstOccurredAt))} – ${esc(jstDateTime(i.lastOccurredAt))}`, i.draftedInPeriod ? 'あり yes' : '期間外 before the period']), [2])}
      </section>`,
  ];

  return `<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>個人情報保護 コンプライアンス報告書 ${esc(periodText)}</title>
<style>${CSS}</style></head>
<body>
<header class="cover">
  <h1>個人情報保護 コンプライアンス報告書 <span class="en">Compliance report</span></h1>
  <table class="meta">
    <tr><td>対象期間 Period</td><td>${esc(periodText)} (日本時間 JST: ${esc(jstDateTime(report.period.from))} から ${esc(jstDateTime(report.period.to))} まで, the end excluded)</td></tr>
    <tr><td>対象機関 Scope</td><td>${scope}</td></tr>
    <tr><td>作成日時 Generated</td><td>${esc(jstDateTime(report.generatedAt))}</td></tr>
  </table>
  <nav><ol>
    <li><a href="#summary">概要 Summary</a></li><li><a href="#activity">情報提供等の状況 Activity</a></li><li><a href="#findings">指摘事項 Findings</a></li>
    <li><a href="#ties">紐付けの管理状況 Tie hygiene</a></li><li><a href="#exposure">名寄せリスク Exposure</a></li><li><a href="#pia">特定個人情報保護評価 PIA</a></li>
    <li><a href="#breach">漏えい等報告(案) Breach reports</a></li>
  </ol></nav>
</header>
${sections.join('\n')}
<footer>数値はすべてイベントストアと読み取りモデルから集計 (every figure is counted from the event store and its read models); 時刻・日付・月はすべて日本時間 (JST, UTC+9) で表示 (every time, date and month is shown in Japan Standard Time); CSV と JSON は ISO 8601 (UTC). Himotoki 紐解き.</footer>
</body></html>
`;
}
