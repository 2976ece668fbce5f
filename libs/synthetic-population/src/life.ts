import type { CommandEnvelope, CommandType } from '#ingestion';
import { renderAddress, type Address } from './addresses.js';
import { renderBirthDate } from './birth-dates.js';
import { IdentifierFactory, formatPensionNumber, groupMyNumber } from './identifiers.js';
import { renderKanaName, renderKanjiName, type PersonName } from './names.js';
import { birthdayAt, drawProfile, type Profile } from './profile.js';
import { Rng } from './prng.js';
import type { StaffLedger } from './staff-ledger.js';
import { DAY, HOUR, MINUTE, TIMELINE_START, addYears, formatJst, jstDate, jstMidnight, jstDay, officeTime, wakingTime, type Seconds } from './time.js';
import { applyPlant, type IdentifierRef, type PlantedViolation, type SubjectPlant } from './violations.js';
import {
  BUSINESSES,
  BUSINESS_DATASETS,
  DIGITAL_AGENCY,
  EMPLOYERS,
  EMPLOYER_DATASETS,
  INSURERS,
  INSURER_DATASETS,
  JLIS,
  JLIS_DATASET,
  MUNICIPAL_DATASETS,
  MUNICIPALITY_ORG,
  ORGANIZATION_BY_ID,
  PENSION,
  PENSION_DATASET,
  PROCEDURES,
  STAFF_POOLS,
  TAX_OFFICE_DATASETS,
  staffCodeOf,
  type BusinessKey,
  type DatasetDef,
  type InsurerKey,
  type MunicipalDatasets,
  type MunicipalityOrg,
  type ProcedureKey,
  type StaffPool,
} from './world.js';

/** What a subject's life needs from the population: the seed, the end of the timeline, the staff ledger. */
export interface LifeContext {
  seedHash: number;
  asOf: Seconds;
  ids: IdentifierFactory;
  ledger: StaffLedger;
  /** Receives each planted violation as it is generated. */
  report(violation: PlantedViolation): void;
}

interface Pending {
  t: Seconds;
  seq: number;
  envelope: CommandEnvelope;
}

interface RecordEntry {
  recordId: string;
  at: Seconds;
  /** The identifier the holder named the subject by when it registered the record. */
  subject: IdentifierRef;
  /** The JPKI_AUTH_SERIAL generation the record was keyed by, if any. */
  authGeneration?: number;
}

const ITEMS: Readonly<Record<string, string[]>> = {
  juki: ['RESIDENT_RECORD'],
  jlis: ['IDENTITY_CONFIRMATION_INFO'],
  juminzei: ['INCOME', 'TAX_ASSESSMENT'],
  kokuho: ['INSURANCE_ELIGIBILITY', 'INSURANCE_PREMIUM'],
  hinan: ['SUPPORT_NEEDS', 'EMERGENCY_CONTACT'],
  pension: ['PENSION_RECORD', 'PENSION_BENEFIT_AMOUNT'],
  taxOffice: ['TAX_RETURN'],
  insurer: ['INSURANCE_ELIGIBILITY', 'MEDICAL_BENEFIT'],
  employer: ['MY_NUMBER', 'DEPENDENTS', 'SALARY'],
  pointlink: ['MEMBER_PROFILE', 'POINT_HISTORY'],
  smiledrug: ['MEMBER_PROFILE', 'PURCHASE_HISTORY'],
  soramobile: ['CONTRACT', 'BILLING'],
};

/** Purposes no dataset is registered for (planted ACCESS_PURPOSE_NOT_REGISTERED). */
const NOT_REGISTERED_PURPOSES = {
  municipal: ['知人の転居先の確認', '自治会名簿の作成への協力', '選挙事務所からの依頼による住所の確認', '債権回収業者からの照会への回答'],
  pension: ['知人の年金受給状況の確認', '親族からの依頼による年金額の確認', '個人的な興味による閲覧'],
};

/**
 * One subject's life, from enrolment to asOf, as commands in time order: the records they get in each dataset
 * (spelled the way that dataset spells), the identifiers issued and retired, ties made and cut, provisions,
 * accesses, consents — and the planted violation, if the plan gave them one. Draws only from the subject's own
 * random stream, so a life is a pure function of (seed, index, plan); the staff ledger only picks staff codes.
 */
export function subjectCommands(ctx: LifeContext, index: number, plant: SubjectPlant | undefined): CommandEnvelope[] {
  return new SubjectLife(ctx, index, plant).run();
}

class SubjectLife {
  private readonly rng: Rng;
  private readonly p: Profile;
  private readonly asOf: Seconds;
  private readonly pending: Pending[] = [];
  private readonly records = new Map<string, RecordEntry>();
  private readonly agencyCodes = new Map<string, { value: string; firstUse: Seconds; issued: boolean }>();
  private readonly m: MunicipalityOrg;
  private readonly md: MunicipalDatasets;
  private seq = 0;

  // Facts with times, settled early in the life.
  private leakAt: Seconds | null = null;
  private marriedAt: Seconds | null = null;
  private movedAt: Seconds | null = null;

  constructor(
    private readonly ctx: LifeContext,
    private readonly index: number,
    private readonly plant: SubjectPlant | undefined,
  ) {
    this.asOf = ctx.asOf;
    this.p = applyPlant(drawProfile(ctx.seedHash, index, ctx.asOf), plant);
    this.rng = Rng.stream(ctx.seedHash, 'life', index);
    this.m = MUNICIPALITY_ORG[this.p.municipality];
    this.md = MUNICIPAL_DATASETS[this.p.municipality];
  }

  run(): CommandEnvelope[] {
    this.enrol();
    this.settleLifeEvents();
    this.municipalRecords();
    this.pension();
    this.healthInsurance();
    this.employment();
    this.taxReturn();
    this.cardAndMemberships();
    this.amendments();
    this.internalTies();
    this.networkExchanges();
    this.employerReports();
    this.consentsAndPartnerTie();
    this.accesses();
    this.planted();
    this.agencyCodeIssues();
    this.pending.sort((a, b) => a.t - b.t || a.seq - b.seq);
    return this.pending.map((c) => c.envelope);
  }

  // ------------------------------------------------------------------ plumbing

  private add(t: Seconds, type: CommandType, payload: Record<string, unknown>): string {
    const commandId = this.rng.uuid();
    this.pending.push({ t, seq: this.seq++, envelope: { commandId, type, payload } });
    return commandId;
  }

  private id(prefix: string): string {
    return `${prefix}.${this.rng.hex(16)}`;
  }

  private office(from: Seconds, to: Seconds = this.asOf): Seconds {
    return officeTime(this.rng, from, Math.max(from + DAY, to));
  }

  private staffOf(pool: StaffPool): string {
    return staffCodeOf(pool.prefix, 1 + this.rng.int(pool.size));
  }

  private reservedStaff(prefix: string): string {
    return staffCodeOf(prefix, 9000 + this.plant!.serial);
  }

  // identifiers as commands name them

  private myNumberValue(t: Seconds): string {
    return this.ctx.ids.myNumber(this.index, this.leakAt !== null && t >= this.leakAt ? 1 : 0);
  }

  private myNumber(t: Seconds, written: 'PLAIN' | 'GROUPED' = 'PLAIN'): IdentifierRef {
    const value = this.myNumberValue(t);
    return { kind: 'MY_NUMBER', value: written === 'GROUPED' ? groupMyNumber(value, ' ') : value };
  }

  /** How an employer writes the number it collected: often in groups of four. */
  private employerWriting(): 'PLAIN' | 'GROUPED' {
    return this.rng.chance(0.3) ? 'GROUPED' : 'PLAIN';
  }

  private residentCode(): IdentifierRef {
    return { kind: 'RESIDENT_CODE', value: this.ctx.ids.residentCode(this.index) };
  }

  private internalId(): IdentifierRef {
    return { kind: 'INTERNAL_ID', value: this.ctx.ids.internalId(this.index), scope: this.m.organizationId };
  }

  private pensionNumber(): IdentifierRef {
    return { kind: 'PENSION_NUMBER', value: formatPensionNumber(this.ctx.ids.pensionNumber(this.index)) };
  }

  private healthInsuranceNumber(): IdentifierRef {
    const insurer = INSURERS[this.p.insurer as InsurerKey];
    return { kind: 'HEALTH_INSURANCE_NUMBER', value: this.ctx.ids.healthInsuranceNumber(this.index, insurer.symbol), scope: insurer.organizationId };
  }

  private memberNumber(key: BusinessKey): IdentifierRef {
    const b = BUSINESSES[key];
    return { kind: 'MEMBER_NUMBER', value: this.ctx.ids.memberNumber(this.index, key, b.memberPrefix, b.memberDigits), scope: b.organizationId };
  }

  private jpki(kind: 'SIGN' | 'AUTH', generation: number): IdentifierRef {
    return { kind: kind === 'SIGN' ? 'JPKI_SIGN_SERIAL' : 'JPKI_AUTH_SERIAL', value: this.ctx.ids.jpkiSerial(this.index, kind, generation) };
  }

  /**
   * 機関別符号: drawn when first needed. The municipality's is issued at enrolment; other agencies' are issued (by
   * デジタル庁's 情報提供ネットワークシステム) before their first use.
   */
  private agencyCode(organizationId: string, usedAt: Seconds, issuedAtEnrolment = false): IdentifierRef {
    let code = this.agencyCodes.get(organizationId);
    if (!code) {
      code = { value: `AC${this.rng.hex(22).toUpperCase()}`, firstUse: usedAt, issued: issuedAtEnrolment };
      this.agencyCodes.set(organizationId, code);
    } else if (usedAt < code.firstUse) code.firstUse = usedAt;
    return { kind: 'AGENCY_CODE', value: code.value, scope: organizationId };
  }

  // basic-4 values at a time, in a dataset's spelling

  private nameAt(t: Seconds): PersonName {
    return this.p.marriage && this.marriedAt !== null && t >= this.marriedAt ? { last: this.p.marriage, first: this.p.name.first } : this.p.name;
  }

  private addressAt(t: Seconds): Address {
    return this.p.move && this.movedAt !== null && t >= this.movedAt ? this.p.move : this.p.address;
  }

  private basic4(dataset: DatasetDef, t: Seconds, only?: readonly ('name' | 'address')[]): Record<string, string> {
    const fields = dataset.basic4Fields;
    const style = dataset.style;
    const out: Record<string, string> = {};
    const name = this.nameAt(t);
    const want = (f: 'name' | 'address' | 'other') => !only || (f !== 'other' && only.includes(f));
    if (fields.includes('NAME_KANJI') && want('name')) out.nameKanji = renderKanjiName(this.rng, name, style.name);
    if (fields.includes('NAME_KANA') && want('name')) out.nameKana = renderKanaName(this.rng, name, style.name);
    if (fields.includes('BIRTH_DATE') && want('other')) out.birthDate = renderBirthDate(this.rng, this.p.birthDate, style.birthDate);
    if (fields.includes('SEX') && want('other')) out.sex = this.rng.chance(style.unknownSex) ? 'UNKNOWN' : this.p.sex;
    if (fields.includes('ADDRESS') && want('address')) out.address = renderAddress(this.rng, this.addressAt(t), style.address);
    return out;
  }

  private register(dataset: DatasetDef, t: Seconds, subject: IdentifierRef, identifiers: IdentifierRef[], authGeneration?: number): RecordEntry | null {
    if (t >= this.asOf) return null;
    const recordId = this.id('rec');
    this.add(t, 'RegisterRecord', { recordId, datasetId: dataset.datasetId, subject, identifiers, basic4: this.basic4(dataset, t), occurredAt: formatJst(t) });
    const entry: RecordEntry = { recordId, at: t, subject, ...(authGeneration !== undefined ? { authGeneration } : {}) };
    this.records.set(dataset.datasetId, entry);
    return entry;
  }

  private issue(t: Seconds, issuedBy: string, subject: IdentifierRef, identifier: IdentifierRef, validUntil?: Seconds): string {
    return this.add(t, 'IssueIdentifier', {
      issuedBy,
      subject,
      identifier: validUntil !== undefined ? { ...identifier, validUntil: formatJst(validUntil) } : identifier,
      occurredAt: formatJst(t),
    });
  }

  // ------------------------------------------------------------------ enrolment and the facts of a life

  private enrol(): void {
    const t = this.p.enrolledAt;
    // 付番 and 住民登録: the My Number and 住民票コード, the 団体内統合宛名番号, and the municipality's own 機関別符号
    // (obtained for every resident when the 中間サーバー registers them).
    this.add(t, 'EnrollSubject', {
      enrolledBy: this.m.organizationId,
      identifiers: [this.myNumber(t), this.residentCode(), this.internalId(), this.agencyCode(this.m.organizationId, t, true)],
      occurredAt: formatJst(t),
    });
  }

  private settleLifeEvents(): void {
    const tE = this.p.enrolledAt;
    const window = this.asOf - TIMELINE_START;
    const marriedAt = this.office(tE + 60 * DAY);
    const movedAt = this.office(tE + 30 * DAY);
    const leakAt = this.plant?.rule === 'RETIRED_IDENTIFIER_USED'
      ? this.office(Math.max(tE + 30 * DAY, TIMELINE_START + Math.floor(window * 0.25)), TIMELINE_START + Math.floor(window * 0.6))
      : this.office(tE + 30 * DAY);
    if (this.p.marriage && marriedAt < this.asOf) this.marriedAt = marriedAt;
    if (this.p.move && movedAt < this.asOf) this.movedAt = movedAt;
    if (this.p.leak && leakAt < this.asOf) {
      this.leakAt = leakAt;
      // 番号の変更: the municipality retires the leaked number and assigns a new one (番号法第7条第2項).
      const old = { kind: 'MY_NUMBER' as const, value: this.ctx.ids.myNumber(this.index, 0) };
      this.add(leakAt, 'RetireIdentifier', { retiredBy: this.m.organizationId, identifier: old, reason: 'LEAKED', occurredAt: formatJst(leakAt) });
      // Retired and re-assigned in one procedure, at one instant (the retirement sorts first): every later command
      // names the new number; only a planted RETIRED_IDENTIFIER_USED names the old one.
      this.issue(leakAt, this.m.organizationId, this.internalId(), { kind: 'MY_NUMBER', value: this.ctx.ids.myNumber(this.index, 1) });
    }
  }

  private municipalRecords(): void {
    const tE = this.p.enrolledAt;
    const d = this.md;
    const juki = tE + MINUTE + this.rng.int(9 * MINUTE);
    // 住基ネット's national copy (jlis.honnin) mirrors this record; it is registered as a dataset (and looked up
    // through 住基ネット terminals) but its per-person records are left out, being the register's own values.
    this.register(d.juki, juki, this.internalId(), [this.residentCode(), this.myNumber(juki), this.internalId()]);

    const initial = this.p.enrollment === 'INITIAL';
    const taxAt = initial ? this.office(tE + DAY, tE + 30 * DAY) : this.office(tE + 20 * DAY, tE + 120 * DAY);
    if (this.p.taxpayer) this.register(d.juminzei, taxAt, this.internalId(), [this.myNumber(taxAt), this.internalId()]);

    // 国民健康保険: the municipality files its insured by 団体内統合宛名番号 (the card's 記号番号 is left out).
    const kokuhoAt = this.office(tE + DAY, tE + 20 * DAY);
    if (this.p.insurer === 'KOKUHO') this.register(d.kokuho, kokuhoAt, this.internalId(), [this.internalId(), this.myNumber(kokuhoAt)]);
    const supportAt = this.office(tE + 30 * DAY, tE + 200 * DAY);
    if (this.p.needsEvacuationSupport) this.register(d.hinan, supportAt, this.internalId(), [this.internalId()]);
  }

  private pension(): void {
    const tE = this.p.enrolledAt;
    const adult = this.p.enrollment !== 'BIRTH' && this.p.ageAtStart >= 20;
    const twenty = birthdayAt(this.p, 20);
    const t = adult ? this.office(tE + 3 * DAY, tE + 80 * DAY) : this.office(Math.max(twenty, tE) + DAY, Math.max(twenty, tE) + 30 * DAY);
    if (!adult && twenty > this.asOf) return;
    if (t >= this.asOf) return;
    this.issue(t, PENSION.organizationId, this.myNumber(t), this.pensionNumber());
    const at = t + MINUTE + this.rng.int(9 * MINUTE);
    this.register(PENSION_DATASET, at, this.pensionNumber(), [this.pensionNumber(), this.myNumber(at)]);
  }

  private healthInsurance(): void {
    if (this.p.insurer === 'KOKUHO' || this.p.insurer === null) return;
    const insurer = INSURERS[this.p.insurer];
    const t = this.office(this.p.enrolledAt + 5 * DAY, this.p.enrolledAt + 60 * DAY);
    if (t >= this.asOf) return;
    this.issue(t, insurer.organizationId, this.myNumber(t), this.healthInsuranceNumber());
    const at = t + MINUTE + this.rng.int(9 * MINUTE);
    this.register(INSURER_DATASETS[this.p.insurer], at, this.healthInsuranceNumber(), [this.healthInsuranceNumber(), this.myNumber(at)]);
  }

  private employment(): void {
    if (!this.p.employer) return;
    const t = this.office(this.p.enrolledAt + 10 * DAY, this.p.enrolledAt + 90 * DAY);
    const written = this.employerWriting();
    this.register(EMPLOYER_DATASETS[this.p.employer], t, this.myNumber(t, written), [this.myNumber(t)]);
  }

  /** The first 確定申告 season (16 February – 15 March) after enrolment. */
  private taxReturn(): void {
    if (!this.p.filesTaxReturn) return;
    const after = this.p.enrolledAt + 14 * DAY;
    let year = jstDate(after).year;
    const seasonEnd = (y: number) => jstMidnight(jstDay(Date.UTC(y, 2, 16) / 1000));
    if (after >= seasonEnd(year) - DAY) year++;
    const from = Math.max(after, jstMidnight(jstDay(Date.UTC(year, 1, 16) / 1000)));
    const t = this.office(from, seasonEnd(year));
    this.register(TAX_OFFICE_DATASETS.get(this.m.taxOfficeId)!, t, this.myNumber(t), [this.myNumber(t)]);
  }

  // ------------------------------------------------------------------ the card, its certificates, and what they unlock

  private cardAndMemberships(): void {
    const tE = this.p.enrolledAt;
    const card = this.p.card;
    const planted = this.plant?.rule === 'SUCCESSION_WITHOUT_CONSENT';
    // Draw every time first (fixed order), then decide.
    const early = planted
      ? this.office(Math.max(tE + DAY, TIMELINE_START + 14 * DAY), TIMELINE_START + 60 * DAY)
      : this.office(Math.max(tE + DAY, TIMELINE_START + 14 * DAY), TIMELINE_START + 365 * DAY);
    const midFrom = Math.max(tE + DAY, Date.UTC(2020, 8, 1) / 1000);
    const mid = this.office(midFrom, Math.max(midFrom + 30 * DAY, Date.UTC(2023, 2, 31) / 1000));
    const late = this.office(tE + DAY);
    const renews = planted || this.rng.chance(0.85);
    const renewLead = 5 * DAY + this.rng.int(85 * DAY);

    let issuedAt: Seconds | null = null;
    if (card) issuedAt = card.timing === 'EARLY' ? early : card.timing === 'MID' ? mid : late;
    if (issuedAt !== null && issuedAt >= this.asOf) issuedAt = null;

    let renewedAt: Seconds | null = null;
    if (card && issuedAt !== null) {
      const validUntil = addYears(issuedAt, 5);
      this.issue(issuedAt, JLIS.organizationId, this.residentCode(), this.jpki('AUTH', 0), validUntil);
      if (card.withSignature) this.issue(issuedAt + 1, JLIS.organizationId, this.residentCode(), this.jpki('SIGN', 0), validUntil);
      const renewal = officeTime(this.rng, validUntil - renewLead, validUntil - renewLead + DAY);
      if (renews && renewal < this.asOf) {
        renewedAt = renewal;
        const next = addYears(renewal, 5);
        this.issue(renewal, JLIS.organizationId, this.residentCode(), this.jpki('AUTH', 1), next);
        if (card.withSignature) this.issue(renewal + 1, JLIS.organizationId, this.residentCode(), this.jpki('SIGN', 1), next);
        const retired = renewal + MINUTE + this.rng.int(MINUTE);
        this.add(retired, 'RetireIdentifier', { retiredBy: JLIS.organizationId, identifier: this.jpki('AUTH', 0), reason: 'ROTATED', occurredAt: formatJst(retired) });
        if (card.withSignature) this.add(retired + 1, 'RetireIdentifier', { retiredBy: JLIS.organizationId, identifier: this.jpki('SIGN', 0), reason: 'ROTATED', occurredAt: formatJst(retired + 1) });
      } else {
        const expired = validUntil + DAY + this.rng.int(29 * DAY);
        if (expired < this.asOf) {
          this.add(expired, 'RetireIdentifier', { retiredBy: JLIS.organizationId, identifier: this.jpki('AUTH', 0), reason: 'EXPIRED', occurredAt: formatJst(expired) });
          if (card.withSignature) this.add(expired + 1, 'RetireIdentifier', { retiredBy: JLIS.organizationId, identifier: this.jpki('SIGN', 0), reason: 'EXPIRED', occurredAt: formatJst(expired + 1) });
        }
      }
    }
    /** The auth serial in force at t (null before the card, or after an unrenewed one expired). */
    const authAt = (t: Seconds): number | null => {
      if (issuedAt === null || t < issuedAt + DAY) return null;
      if (renewedAt !== null) return t >= renewedAt + 10 * MINUTE ? 1 : t < renewedAt - HOUR ? 0 : null;
      return t < addYears(issuedAt, 5) ? 0 : null;
    };

    // Memberships: a shop or service learns who the member is from the card (マイナポイント, eKYC): the
    // member number is issued naming the subject by the 利用者証明用電子証明書's serial. The rental shop
    // copies the card's My Number instead (its dataset is the planted PRIVATE_DATASET_KEYED_BY_MY_NUMBER).
    // Members link their card soon after getting it (マイナポイント), or sign up later; the rental shop signs up
    // members at any time, card or not.
    const cardFrom = issuedAt === null ? this.asOf : Math.max(tE, issuedAt) + DAY;
    for (const key of ['pointlink', 'smiledrug', 'soramobile', 'cinemakan'] as const) {
      const soon = this.rng.chance(0.7);
      let join =
        key === 'cinemakan'
          ? wakingTime(this.rng, tE + DAY, this.asOf)
          : soon
            ? wakingTime(this.rng, cardFrom, cardFrom + 200 * DAY)
            : wakingTime(this.rng, cardFrom, Math.max(cardFrom + DAY, this.asOf));
      if (planted && key === 'soramobile' && issuedAt !== null && renewedAt !== null) {
        join = wakingTime(this.rng, issuedAt + 2 * DAY, renewedAt - 30 * DAY);
      }
      if (!this.p.memberships[key] || join >= this.asOf) continue;
      const business = BUSINESSES[key];
      const dataset = BUSINESS_DATASETS[key];
      if (key === 'cinemakan') {
        const at = join + 30;
        this.issue(join, business.organizationId, this.myNumber(join), this.memberNumber(key));
        this.register(dataset, at, this.memberNumber(key), [this.memberNumber(key), this.myNumber(at)]);
        continue;
      }
      const generation = authAt(join);
      if (generation === null) continue; // no card (yet): the service never learns who this is
      this.issue(join, business.organizationId, this.jpki('AUTH', generation), this.memberNumber(key));
      const at = join + 30 + this.rng.int(MINUTE);
      const keys = key === 'soramobile' ? [this.memberNumber(key), this.jpki('AUTH', generation)] : [this.memberNumber(key)];
      this.register(dataset, at, this.memberNumber(key), keys, key === 'soramobile' ? generation : undefined);
    }

    // JPKI renewal: the carrier keeps following its subscriber by linking old serial → new, with consent.
    const subscriber = this.records.get(BUSINESS_DATASETS.soramobile.datasetId);
    const consentAt = renewedAt !== null && subscriber ? wakingTime(this.rng, Math.max(subscriber.at + HOUR, renewedAt - 200 * DAY), renewedAt - HOUR) : 0;
    const linkAt = renewedAt !== null ? officeTime(this.rng, renewedAt + DAY, renewedAt + 20 * DAY) : 0;
    const consents = this.rng.chance(0.85);
    if (renewedAt === null || !subscriber || subscriber.authGeneration !== 0 || linkAt >= this.asOf) return;
    const carrier = BUSINESSES.soramobile.organizationId;
    if (planted) {
      const commandId = this.add(linkAt, 'LinkIdentifierSuccessor', {
        linkedBy: carrier, identifier: this.jpki('AUTH', 0), successor: this.jpki('AUTH', 1), consentReference: null, occurredAt: formatJst(linkAt),
      });
      this.ctx.report({
        rule: 'SUCCESSION_WITHOUT_CONSENT',
        commandIds: [commandId],
        organizationId: carrier,
        subject: this.jpki('AUTH', 0),
        subjects: [this.jpki('AUTH', 0)],
        occurredAt: formatJst(linkAt),
        description: `ソラモバイル株式会社 linked the subscriber's old 利用者証明用電子証明書 serial to the renewed one without any consent, so the 5-yearly change of serial no longer separates the subscriber's past from their future.`,
        details: { renewedAt: formatJst(renewedAt) },
      });
      return;
    }
    if (!consents || consentAt >= renewedAt) return;
    const consentId = this.id('cns');
    this.add(consentAt, 'GrantConsent', {
      consentId, subject: this.memberNumber('soramobile'), organizationId: carrier, scope: 'JPKI_AUTH_SERIAL',
      purpose: '利用者証明用電子証明書の更新時における新旧シリアル番号の紐付け', occurredAt: formatJst(consentAt),
    });
    this.add(linkAt, 'LinkIdentifierSuccessor', {
      linkedBy: carrier, identifier: this.jpki('AUTH', 0), successor: this.jpki('AUTH', 1), consentReference: consentId, occurredAt: formatJst(linkAt),
    });
  }

  // ------------------------------------------------------------------ corrections: marriage, moving house

  private amendments(): void {
    const juki = this.records.get(this.md.juki.datasetId);
    const amend = (entry: RecordEntry | undefined, dataset: DatasetDef, t: Seconds, only: ('name' | 'address')[], reason: string) => {
      if (!entry || entry.at >= t || t >= this.asOf) return;
      this.add(t, 'AmendRecord', { recordId: entry.recordId, basic4: this.basic4(dataset, t, only), reason, occurredAt: formatJst(t) });
    };
    if (this.marriedAt !== null) {
      amend(juki, this.md.juki, this.marriedAt, ['name'], '婚姻届による氏の変更');
    }
    if (this.movedAt !== null) {
      amend(juki, this.md.juki, this.movedAt, ['address'], '転居届による住所の変更');
    }
  }

  // ------------------------------------------------------------------ ties

  private link(
    t: Seconds,
    organizationId: string,
    staffCode: string,
    records: [RecordEntry, RecordEntry],
    key: Record<string, string>,
    purpose: string,
    legalBasis: string | null,
    expectedCutOffAt: Seconds | null,
  ): { linkId: string; commandId: string } {
    const linkId = this.id('lnk');
    const commandId = this.add(t, 'LinkRecords', {
      linkId, organizationId, staffCode, records: [records[0].recordId, records[1].recordId], key, purpose, legalBasis,
      expectedCutOffAt: expectedCutOffAt === null ? null : formatJst(expectedCutOffAt), occurredAt: formatJst(t),
    });
    return { linkId, commandId };
  }

  private unlink(t: Seconds, linkId: string, organizationId: string, staffCode: string, reason: string): void {
    if (t >= this.asOf) return;
    this.add(t, 'UnlinkRecords', { linkId, organizationId, staffCode, reason, occurredAt: formatJst(t) });
  }

  /** 団体内統合宛名番号: the municipality ties its own files to the resident register, for good (no cut-off). */
  private internalTies(): void {
    const juki = this.records.get(this.md.juki.datasetId);
    const pool = STAFF_POOLS.get(this.md.juki.datasetId)!;
    for (const dataset of [this.md.juminzei, this.md.kokuho]) {
      const other = this.records.get(dataset.datasetId);
      const tie = this.rng.chance(0.06);
      const t = other ? other.at + HOUR + this.rng.int(10 * DAY) : 0;
      const staff = this.staffOf(pool);
      if (!juki || !other || !tie || t >= this.asOf) continue;
      this.link(t, this.m.organizationId, staff, [juki, other], { by: 'IDENTIFIER', identifierKind: 'INTERNAL_ID' }, '団体内統合宛名番号による宛名情報の統合管理', '番号法第9条第2項に基づく条例', null);
    }
  }

  /**
   * 情報提供ネットワークシステム: the requester ties its record to the provider's through 機関別符号, asks, receives,
   * and cuts the tie after use (well before the expected cut-off a day later). `keep` leaves the tie live (planted).
   */
  private exchange(
    t: Seconds,
    procedure: ProcedureKey,
    requester: { organizationId: string; dataset: DatasetDef },
    provider: { organizationId: string; dataset: DatasetDef },
    keep = false,
  ): { linkCommandId: string; expectedCutOffAt: Seconds; subject: IdentifierRef } | null {
    const mine = this.records.get(requester.dataset.datasetId);
    const theirs = this.records.get(provider.dataset.datasetId);
    const proc = PROCEDURES[procedure];
    const pool = STAFF_POOLS.get(requester.dataset.datasetId)!;
    const staff = this.staffOf(pool);
    const requestedAt = t + 5 + this.rng.int(MINUTE);
    const noData = this.rng.chance(0.04);
    const providedAt = requestedAt + 1 + this.rng.int(2 * MINUTE);
    const cutAt = providedAt + MINUTE + this.rng.int(6 * HOUR);
    const items = proc.items.length > 1 && this.rng.chance(0.3) ? [proc.items[0]] : [...proc.items];
    if (!mine || !theirs || t < Math.max(mine.at, theirs.at) + DAY || t >= this.asOf) return null;
    this.agencyCode(requester.organizationId, t);
    const subject = this.agencyCode(provider.organizationId, t);
    const expectedCutOffAt = t + DAY;
    const { linkId, commandId } = this.link(t, requester.organizationId, staff, [mine, theirs], { by: 'IDENTIFIER', identifierKind: 'AGENCY_CODE' }, proc.procedure, proc.legalBasis, expectedCutOffAt);
    if ((noData ? requestedAt : providedAt) < this.asOf) {
      this.add(noData ? requestedAt : providedAt, 'ProvideInformation', {
        provisionId: this.id('prv'), requesterId: requester.organizationId, providerId: provider.organizationId, subject, items,
        procedure: proc.procedure, legalBasis: proc.legalBasis, requestedAt: formatJst(requestedAt),
        providedAt: noData ? null : formatJst(providedAt), outcome: noData ? 'NO_DATA' : 'PROVIDED', nonDisclosure: false,
      });
    }
    if (!keep) this.unlink(cutAt, linkId, requester.organizationId, staff, '情報照会の完了に伴う紐付けの解除');
    return { linkCommandId: commandId, expectedCutOffAt, subject: mine.subject };
  }

  private networkExchanges(): void {
    const p = this.p;
    const muni = { organizationId: this.m.organizationId, dataset: this.md.juminzei };
    const pension = { organizationId: PENSION.organizationId, dataset: PENSION_DATASET };
    const insurer = p.insurer === 'KOKUHO' || p.insurer === null ? null : { organizationId: INSURERS[p.insurer].organizationId, dataset: INSURER_DATASETS[p.insurer] };
    const from = (ds: DatasetDef[]) => Math.max(...ds.map((d) => this.records.get(d.datasetId)?.at ?? this.asOf)) + DAY;

    // 年金生活者支援給付金: 日本年金機構 asks the municipality about income.
    const shien = this.rng.chance(0.4);
    const shienAt = this.office(from([PENSION_DATASET, this.md.juminzei]));
    if (shien && p.ageAtStart >= 65) this.exchange(shienAt, 'shien', pension, muni);
    // 国民年金保険料の免除: for people without an employer's pension.
    const menjo = this.rng.chance(0.25);
    const menjoAt = this.office(from([PENSION_DATASET, this.md.juminzei]));
    if (menjo && p.ageAtStart >= 20 && p.ageAtStart < 60 && p.employment !== 'EMPLOYEE') this.exchange(menjoAt, 'menjo', pension, muni);
    // 高額療養費: the insurer asks the municipality for the income bracket.
    const kogaku = this.rng.chance(0.2);
    const kogakuAt = insurer ? this.office(from([insurer.dataset, this.md.juminzei])) : 0;
    if (kogaku && insurer && p.ageAtStart >= 18) this.exchange(kogakuAt, 'kogaku', insurer, muni);
    // 被扶養者の認定: the insurer asks 日本年金機構 about pension income.
    const fuyo = this.rng.chance(0.12);
    const fuyoAt = insurer ? this.office(from([insurer.dataset, PENSION_DATASET])) : 0;
    if (fuyo && insurer && p.ageAtStart >= 50) this.exchange(fuyoAt, 'fuyo', insurer, pension);
  }

  /** 個人番号関係事務: employers report salaries to the municipality and withholding slips to the tax office. */
  private employerReports(): void {
    const employer = this.p.employer ? EMPLOYERS[this.p.employer] : null;
    const record = employer ? this.records.get(EMPLOYER_DATASETS[employer.key].datasetId) : undefined;
    const years = this.rng.float();
    const reports = this.rng.chance(0.5);
    const slips = this.rng.chance(0.3);
    const taino = this.rng.chance(0.15);
    const tainoAt = this.office((this.records.get(this.md.juminzei.datasetId)?.at ?? this.asOf) + 30 * DAY);
    const release = 90 * DAY + this.rng.int(300 * DAY);
    const written = this.employerWriting();
    if (employer && record) {
      // One January after the record (the population samples one year of these annual reports), before asOf.
      const first = jstDate(record.at + 10 * DAY).year + 1;
      const last = jstDate(this.asOf - 40 * DAY).year;
      if (last >= first) {
        const year = first + Math.floor(years * (last - first + 1));
        const t = this.office(jstMidnight(jstDay(Date.UTC(year, 0, 6) / 1000)), jstMidnight(jstDay(Date.UTC(year, 0, 31) / 1000)));
        if (reports) this.report(t, 'kyuyo', this.m.organizationId, employer.organizationId, (at) => this.myNumber(at, written));
        if (slips) this.report(t + HOUR, 'gensen', employer.taxOfficeId, employer.organizationId, (at) => this.myNumber(at, written));
      }
    }
    // 滞納処分: the tax office asks the municipality; the record is kept from the person until released.
    if (taino && this.p.employment === 'SELF_EMPLOYED' && this.records.has(this.md.juminzei.datasetId) && tainoAt < this.asOf) {
      const provision = this.report(tainoAt, 'taino', this.m.taxOfficeId, this.m.organizationId, () => this.internalId(), true);
      const releasedAt = tainoAt + release;
      if (provision && releasedAt < this.asOf) {
        this.add(releasedAt, 'ReleaseNonDisclosure', { provisionId: provision.provisionId, releasedBy: this.m.taxOfficeId, occurredAt: formatJst(releasedAt) });
      }
    }
  }

  /**
   * A provision without a tie (paper or file transfer), under a permitted row; the subject is named as it is named
   * when the provision is made. Returns the provision and command ids, or null when it would fall after asOf.
   */
  private report(
    t: Seconds,
    procedure: ProcedureKey,
    requesterId: string,
    providerId: string,
    subjectAt: (t: Seconds) => IdentifierRef,
    nonDisclosure = false,
  ): { provisionId: string; commandId: string; providedAt: Seconds } | null {
    const proc = PROCEDURES[procedure];
    const provisionId = this.id('prv');
    const providedAt = t + this.rng.int(2 * DAY);
    if (providedAt >= this.asOf) return null;
    const commandId = this.add(providedAt, 'ProvideInformation', {
      provisionId, requesterId, providerId, subject: subjectAt(providedAt), items: [...proc.items], procedure: proc.procedure, legalBasis: proc.legalBasis,
      requestedAt: formatJst(t), providedAt: formatJst(providedAt), outcome: 'PROVIDED', nonDisclosure,
    });
    return { provisionId, commandId, providedAt };
  }

  // ------------------------------------------------------------------ consents, and a partner tie by 名寄せ

  private consentsAndPartnerTie(): void {
    const points = this.records.get(BUSINESS_DATASETS.pointlink.datasetId);
    const drug = this.records.get(BUSINESS_DATASETS.smiledrug.datasetId);
    const grants = this.rng.chance(0.45);
    const withdraws = this.rng.chance(0.2);
    const ties = this.rng.chance(0.6);
    const grantedAt = points ? wakingTime(this.rng, points.at + MINUTE, points.at + 60 * DAY) : 0;
    const withdrawnAt = grantedAt ? wakingTime(this.rng, grantedAt + 60 * DAY, this.asOf) : 0;
    const tiedAt = points && drug ? wakingTime(this.rng, Math.max(grantedAt, drug.at) + DAY, this.asOf) : 0;
    const cutAt = withdrawnAt + DAY + this.rng.int(9 * DAY);
    const staff = this.staffOf(STAFF_POOLS.get(BUSINESS_DATASETS.pointlink.datasetId)!);
    if (!points || !grants || grantedAt >= this.asOf) return;
    const pointlink = BUSINESSES.pointlink.organizationId;
    const consentId = this.id('cns');
    const subject = this.memberNumber('pointlink');
    this.add(grantedAt, 'GrantConsent', {
      consentId, subject, organizationId: pointlink, scope: '会員情報の提携先への第三者提供',
      purpose: '提携先店舗でのポイントの付与及び販促のための会員情報の提供', occurredAt: formatJst(grantedAt),
    });
    const withdrawn = withdraws && withdrawnAt < this.asOf;
    if (withdrawn) this.add(withdrawnAt, 'WithdrawConsent', { consentId, subject, occurredAt: formatJst(withdrawnAt) });
    if (!drug || !ties || tiedAt >= this.asOf || (withdrawn && tiedAt >= withdrawnAt)) return;
    const { linkId } = this.link(tiedAt, pointlink, staff, [points, drug], { by: 'BASIC4' }, '提携先会員情報との名寄せによるポイントの統合', '個人情報保護法第27条第1項（本人の同意）', null);
    if (withdrawn) this.unlink(cutAt, linkId, pointlink, staff, '本人の同意の撤回に伴う紐付けの解除');
  }

  // ------------------------------------------------------------------ accesses (閲覧・利用)

  /**
   * A legitimate access: a pool member, the dataset's registered purpose, mostly granted. The ledger picks the staff
   * member (and may move the access to a later day); the subject is named as it is named at the final time.
   */
  private access(dataset: DatasetDef, accessorId: string, pool: StaffPool, t: Seconds, channel: string, items: string[], subjectAt: (t: Seconds) => IdentifierRef): void {
    const denied = this.rng.chance(0.03);
    const start = this.rng.int(pool.size);
    const accessId = this.id('acc');
    const commandId = this.rng.uuid();
    if (t >= this.asOf) return;
    const slot = this.ctx.ledger.assign(pool, start, t, denied, this.asOf);
    if (!slot) return;
    this.pending.push({
      t: slot.t,
      seq: this.seq++,
      envelope: {
        commandId,
        type: 'AccessInformation',
        payload: {
          accessId, organizationId: accessorId, staffCode: staffCodeOf(pool.prefix, slot.number), subject: subjectAt(slot.t), datasetId: dataset.datasetId,
          items, purpose: dataset.purpose, channel, outcome: denied ? 'DENIED' : 'GRANTED', occurredAt: formatJst(slot.t),
        },
      },
    });
  }

  private accesses(): void {
    const p = this.p;
    const md = this.md;
    const m = this.m.organizationId;
    const pool = (d: DatasetDef) => STAFF_POOLS.get(d.datasetId)!;
    const rec = (d: DatasetDef) => this.records.get(d.datasetId);
    const after = (d: DatasetDef) => (rec(d)?.at ?? this.asOf) + HOUR;
    const internal = () => this.internalId();
    const office = (d: DatasetDef) => this.office(after(d));
    const online = (d: DatasetDef) => wakingTime(this.rng, after(d), Math.max(after(d) + DAY, this.asOf));
    const maybe = (probability: number, d: DatasetDef, go: (t: Seconds) => void, when: (d: DatasetDef) => Seconds = office) => {
      const yes = this.rng.chance(probability);
      const t = when(d);
      if (yes && rec(d)) go(t);
    };

    // 住民票の写しの交付 at the counter (and a second time for some).
    maybe(0.35, md.juki, (t) => this.access(md.juki, m, pool(md.juki), t, 'COUNTER', ITEMS.juki!, internal));
    // 住民票の広域交付: the 市民課 looks up 本人確認情報 through a 住基ネット terminal.
    maybe(0.025, md.juki, (t) => this.access(JLIS_DATASET, m, pool(md.juki), t, 'TERMINAL', ITEMS.jlis!, () => this.residentCode()));
    maybe(0.25, md.juminzei, (t) => this.access(md.juminzei, m, pool(md.juminzei), t, 'TERMINAL', ITEMS.juminzei!, internal));
    maybe(0.2, md.kokuho, (t) => this.access(md.kokuho, m, pool(md.kokuho), t, 'COUNTER', ITEMS.kokuho!, internal));
    maybe(0.3, md.hinan, (t) => this.access(md.hinan, m, pool(md.hinan), t, 'TERMINAL', ITEMS.hinan!, internal));
    // 年金相談.
    maybe(p.ageAtStart >= 50 ? 0.25 : 0.05, PENSION_DATASET, (t) => this.access(PENSION_DATASET, PENSION.organizationId, pool(PENSION_DATASET), t, 'TERMINAL', ITEMS.pension!, () => this.pensionNumber()));
    const taxOffice = TAX_OFFICE_DATASETS.get(this.m.taxOfficeId)!;
    maybe(0.3, taxOffice, (t) => this.access(taxOffice, this.m.taxOfficeId, pool(taxOffice), t, 'TERMINAL', ITEMS.taxOffice!, (at) => this.myNumber(at)));
    if (p.insurer !== 'KOKUHO' && p.insurer !== null) {
      const d = INSURER_DATASETS[p.insurer];
      maybe(0.12, d, (t) => this.access(d, INSURERS[p.insurer as 'kyokai'].organizationId, pool(d), t, 'TERMINAL', ITEMS.insurer!, () => this.healthInsuranceNumber()));
    }
    if (p.employer) {
      // 年末調整, in November or December.
      const d = EMPLOYER_DATASETS[p.employer];
      const employerId = EMPLOYERS[p.employer].organizationId;
      const written = this.employerWriting();
      const yearEnd = (from: Seconds) => {
        const year = jstDate(from).year + this.rng.int(3);
        return this.office(Math.max(from, jstMidnight(jstDay(Date.UTC(year, 10, 1) / 1000))), jstMidnight(jstDay(Date.UTC(year, 11, 25) / 1000)));
      };
      maybe(0.3, d, (t) => this.access(d, employerId, pool(d), t, 'TERMINAL', ITEMS.employer!, (at) => this.myNumber(at, written)), (x) => yearEnd(after(x)));
    }
    const bd = BUSINESS_DATASETS;
    maybe(0.15, bd.pointlink, (t) => this.access(bd.pointlink, BUSINESSES.pointlink.organizationId, pool(bd.pointlink), t, 'API', ITEMS.pointlink!, () => this.memberNumber('pointlink')), online);
    maybe(0.1, bd.smiledrug, (t) => this.access(bd.smiledrug, BUSINESSES.smiledrug.organizationId, pool(bd.smiledrug), t, 'COUNTER', ITEMS.smiledrug!, () => this.memberNumber('smiledrug')), online);
    maybe(0.2, bd.soramobile, (t) => this.access(bd.soramobile, BUSINESSES.soramobile.organizationId, pool(bd.soramobile), t, 'TERMINAL', ITEMS.soramobile!, () => this.memberNumber('soramobile')), online);
  }

  // ------------------------------------------------------------------ the planted violation

  private planted(): void {
    if (!this.plant) return;
    const plant = this.plant;
    const md = this.md;
    const m = this.m;
    const variant = plant.ordinal % 2;
    const rec = (d: DatasetDef) => this.records.get(d.datasetId);
    const report = (v: Omit<PlantedViolation, 'subjects'>) => this.ctx.report({ ...v, subjects: v.subject ? [v.subject] : [] });
    const lastMonth = this.asOf - 45 * DAY;

    switch (plant.rule) {
      case 'PROVISION_NOT_PERMITTED': {
        const insurer = this.p.insurer === 'KOKUHO' || this.p.insurer === null ? null : INSURERS[this.p.insurer];
        const insurerRecord = insurer ? rec(INSURER_DATASETS[this.p.insurer as 'kyokai']) : undefined;
        const pensionRecord = rec(PENSION_DATASET);
        const taxRecord = rec(md.juminzei)!;
        if (variant === 1 && insurer && insurerRecord) {
          // Asks for an item (世帯構成) that the 高額療養費 row does not permit.
          const t = this.office(Math.max(insurerRecord.at, taxRecord.at) + 7 * DAY, lastMonth);
          const proc = PROCEDURES.kogaku;
          const subject = this.agencyCode(m.organizationId, t);
          this.agencyCode(insurer.organizationId, t);
          const providedAt = t + 30 + this.rng.int(MINUTE);
          const items = [...proc.items, 'HOUSEHOLD_COMPOSITION'];
          const commandId = this.add(providedAt, 'ProvideInformation', {
            provisionId: this.id('prv'), requesterId: insurer.organizationId, providerId: m.organizationId, subject, items, procedure: proc.procedure,
            legalBasis: proc.legalBasis, requestedAt: formatJst(t), providedAt: formatJst(providedAt), outcome: 'PROVIDED', nonDisclosure: false,
          });
          const details = { requesterId: insurer.organizationId, providerId: m.organizationId, procedure: proc.procedure, extraItem: 'HOUSEHOLD_COMPOSITION' };
          report({
            rule: 'PROVISION_NOT_PERMITTED', commandIds: [commandId], organizationId: insurer.organizationId, subject, occurredAt: formatJst(providedAt),
            description: `${insurer.name} obtained 世帯構成 (HOUSEHOLD_COMPOSITION) from ${m.name} for 高額療養費, an item the permitted row for that procedure does not include (番号法第20条, collection).`,
            details: { ...details, party: 'REQUESTER' },
          });
          report({
            rule: 'PROVISION_NOT_PERMITTED', commandIds: [commandId], organizationId: m.organizationId, subject, occurredAt: formatJst(providedAt),
            description: `${m.name} provided 世帯構成 (HOUSEHOLD_COMPOSITION) to ${insurer.name} for 高額療養費, an item the permitted row for that procedure does not include (番号法第19条, provision).`,
            details: { ...details, party: 'PROVIDER' },
          });
        } else if (pensionRecord) {
          // A procedure that no row lists: 市営住宅使用料の滞納に係る財産調査, by paper request.
          const t = this.office(Math.max(pensionRecord.at, taxRecord.at) + 7 * DAY, lastMonth);
          const providedAt = t + 2 * DAY + this.rng.int(3 * DAY);
          const subject = this.pensionNumber();
          const procedure = '市営住宅使用料の滞納者に係る財産調査';
          const commandId = this.add(providedAt, 'ProvideInformation', {
            provisionId: this.id('prv'), requesterId: m.organizationId, providerId: PENSION.organizationId, subject, items: ['PENSION_BENEFIT_AMOUNT'],
            procedure, legalBasis: '地方自治法第240条', requestedAt: formatJst(t), providedAt: formatJst(providedAt), outcome: 'PROVIDED', nonDisclosure: false,
          });
          const details = { requesterId: m.organizationId, providerId: PENSION.organizationId, procedure };
          report({
            rule: 'PROVISION_NOT_PERMITTED', commandIds: [commandId], organizationId: m.organizationId, subject, occurredAt: formatJst(providedAt),
            description: `${m.name} obtained the subject's pension benefit amount from 日本年金機構 for 「${procedure}」, a procedure in no permitted provision row (番号法第20条, collection).`,
            details: { ...details, party: 'REQUESTER' },
          });
          report({
            rule: 'PROVISION_NOT_PERMITTED', commandIds: [commandId], organizationId: PENSION.organizationId, subject, occurredAt: formatJst(providedAt),
            description: `日本年金機構 provided the subject's pension benefit amount to ${m.name} for 「${procedure}」, a procedure in no permitted provision row (番号法第19条, provision).`,
            details: { ...details, party: 'PROVIDER' },
          });
        }
        return;
      }
      case 'ACCESS_WITHOUT_PURPOSE': {
        const juki = rec(md.juki)!;
        const t = this.office(juki.at + 7 * DAY, lastMonth);
        const staffCode = this.reservedStaff(`${m.staffPrefix}-J`);
        const subject = this.internalId();
        const commandId = this.add(t, 'AccessInformation', {
          accessId: this.id('acc'), organizationId: m.organizationId, staffCode, subject, datasetId: md.juki.datasetId, items: ITEMS.juki!,
          purpose: null, channel: 'TERMINAL', outcome: 'GRANTED', occurredAt: formatJst(t),
        });
        report({
          rule: 'ACCESS_WITHOUT_PURPOSE', commandIds: [commandId], organizationId: m.organizationId, subject, occurredAt: formatJst(t),
          description: `${m.name} staff ${staffCode} opened the subject's 住民基本台帳 record without recording any purpose.`,
          details: { staffCode, datasetId: md.juki.datasetId },
        });
        return;
      }
      case 'ACCESS_PURPOSE_NOT_REGISTERED': {
        const pensionRecord = rec(PENSION_DATASET);
        const useJps = variant === 1 && pensionRecord !== undefined;
        const purpose = this.rng.pick(useJps ? NOT_REGISTERED_PURPOSES.pension : NOT_REGISTERED_PURPOSES.municipal);
        const dataset = useJps ? PENSION_DATASET : md.juki;
        const organization = useJps ? PENSION : m;
        const record = rec(dataset)!;
        const t = this.office(record.at + 7 * DAY, lastMonth);
        const staffCode = this.reservedStaff(`${organization.staffPrefix}-${dataset.section}`);
        const subject = useJps ? this.pensionNumber() : this.internalId();
        const commandId = this.add(t, 'AccessInformation', {
          accessId: this.id('acc'), organizationId: organization.organizationId, staffCode, subject, datasetId: dataset.datasetId,
          items: useJps ? ITEMS.pension! : ITEMS.juki!, purpose, channel: 'TERMINAL', outcome: 'GRANTED', occurredAt: formatJst(t),
        });
        report({
          rule: 'ACCESS_PURPOSE_NOT_REGISTERED', commandIds: [commandId], organizationId: organization.organizationId, subject, occurredAt: formatJst(t),
          description: `${organization.name} staff ${staffCode} used the subject's record in ${dataset.name} for 「${purpose}」, a purpose the dataset is not registered for.`,
          details: { staffCode, datasetId: dataset.datasetId, purpose },
        });
        return;
      }
      case 'TIE_PAST_CUT_OFF': {
        const useShien = this.p.ageAtStart >= 65 && rec(PENSION_DATASET) !== undefined;
        const insurerKey = this.p.insurer === 'KOKUHO' ? null : this.p.insurer;
        const requester = useShien
          ? { organizationId: PENSION.organizationId, dataset: PENSION_DATASET }
          : insurerKey
            ? { organizationId: INSURERS[insurerKey].organizationId, dataset: INSURER_DATASETS[insurerKey] }
            : null;
        const mine = requester ? rec(requester.dataset) : undefined;
        const theirs = rec(md.juminzei);
        if (!requester || !mine || !theirs) return;
        const t = this.office(Math.max(mine.at, theirs.at) + DAY, this.asOf - 60 * DAY);
        const result = this.exchange(t, useShien ? 'shien' : 'kogaku', requester, { organizationId: m.organizationId, dataset: md.juminzei }, true);
        if (!result) return;
        const name = ORGANIZATION_BY_ID.get(requester.organizationId)!.name;
        report({
          rule: 'TIE_PAST_CUT_OFF', commandIds: [result.linkCommandId], organizationId: requester.organizationId, subject: result.subject, occurredAt: formatJst(t),
          description: `${name} tied its record of the subject to ${m.name}'s 個人住民税 record through 機関別符号 for an information query and never cut the tie, although it was due to be cut on ${formatJst(result.expectedCutOffAt).slice(0, 10)}.`,
          details: { expectedCutOffAt: formatJst(result.expectedCutOffAt) },
        });
        return;
      }
      case 'TIE_THROUGH_MY_NUMBER': {
        const employer = EMPLOYERS[this.p.employer!];
        const employerRecord = rec(EMPLOYER_DATASETS[employer.key]);
        const taxRecord = rec(md.juminzei);
        const insurerKey = this.p.insurer === 'KOKUHO' ? null : this.p.insurer;
        const insurerRecord = insurerKey ? rec(INSURER_DATASETS[insurerKey]) : undefined;
        const pensionRecord = rec(PENSION_DATASET);
        const key = { by: 'IDENTIFIER', identifierKind: 'MY_NUMBER' };
        let tie: { organizationId: string; name: string; records: [RecordEntry, RecordEntry]; purpose: string; legalBasis: string; pool: StaffPool; what: string } | null = null;
        if (variant === 1 && insurerKey && insurerRecord && pensionRecord) {
          const insurer = INSURERS[insurerKey];
          tie = {
            organizationId: insurer.organizationId, name: insurer.name, records: [insurerRecord, pensionRecord], purpose: PROCEDURES.fuyo.procedure,
            legalBasis: PROCEDURES.fuyo.legalBasis, pool: STAFF_POOLS.get(INSURER_DATASETS[insurerKey].datasetId)!, what: "日本年金機構's pension record",
          };
        } else if (employerRecord && taxRecord) {
          tie = {
            organizationId: m.organizationId, name: m.name, records: [taxRecord, employerRecord], purpose: '給与支払報告書と課税台帳の突合',
            legalBasis: '地方税法第317条の6', pool: STAFF_POOLS.get(md.juminzei.datasetId)!, what: `${employer.name}'s 源泉徴収 file`,
          };
        }
        if (!tie) return;
        const t = this.office(Math.max(tie.records[0].at, tie.records[1].at) + DAY, lastMonth);
        const staff = this.staffOf(tie.pool);
        const cutOff = t + 3 * DAY;
        const { linkId, commandId } = this.link(t, tie.organizationId, staff, tie.records, key, tie.purpose, tie.legalBasis, cutOff);
        this.unlink(t + HOUR + this.rng.int(20 * HOUR), linkId, tie.organizationId, staff, '突合の完了に伴う紐付けの解除');
        report({
          rule: 'TIE_THROUGH_MY_NUMBER', commandIds: [commandId], organizationId: tie.organizationId, subject: tie.records[0].subject, occurredAt: formatJst(t),
          description: `${tie.name} tied its record of the subject to ${tie.what} through the My Number itself rather than 機関別符号, across organizations.`,
          details: { records: `${tie.records[0].recordId} ${tie.records[1].recordId}` },
        });
        return;
      }
      case 'REPEATED_DENIED_ACCESS': {
        const taxRecord = rec(md.juminzei)!;
        const staffCode = this.reservedStaff(`${m.staffPrefix}-J`);
        const attempts = 5 + this.rng.int(3);
        let t = this.office(taxRecord.at + 7 * DAY, lastMonth);
        const first = t;
        const subject = this.internalId();
        const commandIds: string[] = [];
        for (let k = 0; k < attempts; k++) {
          commandIds.push(
            this.add(t, 'AccessInformation', {
              accessId: this.id('acc'), organizationId: m.organizationId, staffCode, subject, datasetId: md.juminzei.datasetId, items: ITEMS.juminzei!,
              purpose: md.juminzei.purpose, channel: 'TERMINAL', outcome: 'DENIED', occurredAt: formatJst(t),
            }),
          );
          t += MINUTE + this.rng.int(8 * MINUTE);
        }
        report({
          rule: 'REPEATED_DENIED_ACCESS', commandIds, organizationId: m.organizationId, subject, occurredAt: formatJst(first),
          description: `${m.name} 市民課 staff ${staffCode} tried ${attempts} times within an hour to open the subject's 個人住民税 record and was denied each time.`,
          details: { staffCode, attempts, datasetId: md.juminzei.datasetId },
        });
        return;
      }
      case 'RETIRED_IDENTIFIER_USED': {
        const employer = EMPLOYERS[this.p.employer!];
        const record = rec(EMPLOYER_DATASETS[employer.key]);
        if (this.leakAt === null || !record) return;
        const old: IdentifierRef = { kind: 'MY_NUMBER', value: this.ctx.ids.myNumber(this.index, 0) };
        const t = this.office(Math.max(this.leakAt, record.at) + 30 * DAY, lastMonth);
        let commandId: string;
        let what: string;
        if (variant === 0) {
          const provision = this.report(t, 'gensen', employer.taxOfficeId, employer.organizationId, () => old);
          if (!provision) return;
          commandId = provision.commandId;
          what = `sent ${ORGANIZATION_BY_ID.get(employer.taxOfficeId)!.name} a 源泉徴収票 naming the subject`;
        } else {
          const dataset = EMPLOYER_DATASETS[employer.key];
          const staffCode = this.reservedStaff(STAFF_POOLS.get(dataset.datasetId)!.prefix);
          commandId = this.add(t, 'AccessInformation', {
            accessId: this.id('acc'), organizationId: employer.organizationId, staffCode, subject: old, datasetId: dataset.datasetId, items: ITEMS.employer!,
            purpose: dataset.purpose, channel: 'TERMINAL', outcome: 'GRANTED', occurredAt: formatJst(t),
          });
          what = `looked up the subject in its 源泉徴収 file`;
        }
        const at = this.pending.find((c) => c.envelope.commandId === commandId)!.t;
        report({
          rule: 'RETIRED_IDENTIFIER_USED', commandIds: [commandId], organizationId: employer.organizationId, subject: old, occurredAt: formatJst(at),
          description: `${employer.name} ${what} by the My Number that ${m.name} had retired as leaked on ${formatJst(this.leakAt).slice(0, 10)}.`,
          details: { retiredAt: formatJst(this.leakAt) },
        });
        return;
      }
      case 'MY_NUMBER_OUTSIDE_PERMITTED_USE': {
        // A point-card business outside 個人番号関係事務: it looks a member up by the My Number on their card at the
        // counter, or files the number in a member record when the member signs up with the card.
        const dataset = BUSINESS_DATASETS.pointlink;
        const business = BUSINESSES.pointlink;
        const member = rec(dataset);
        const t = this.office(Math.max(this.p.enrolledAt, member?.at ?? 0) + 7 * DAY, lastMonth);
        const subject = this.myNumber(t);
        const staffCode = this.reservedStaff(STAFF_POOLS.get(dataset.datasetId)!.prefix);
        let commandId: string;
        let what: string;
        if (variant === 0) {
          commandId = this.add(t, 'AccessInformation', {
            accessId: this.id('acc'), organizationId: business.organizationId, staffCode, subject, datasetId: dataset.datasetId, items: ITEMS.pointlink!,
            purpose: dataset.purpose, channel: 'COUNTER', outcome: 'GRANTED', occurredAt: formatJst(t),
          });
          what = `staff ${staffCode} looked the subject up in its member file by the My Number on their card`;
        } else {
          commandId = this.add(t, 'RegisterRecord', {
            recordId: this.id('rec'), datasetId: dataset.datasetId, subject, identifiers: [subject], basic4: this.basic4(dataset, t), occurredAt: formatJst(t),
          });
          what = 'filed the My Number from the subject\'s card in a member record';
        }
        report({
          rule: 'MY_NUMBER_OUTSIDE_PERMITTED_USE', commandIds: [commandId], organizationId: business.organizationId, subject, occurredAt: formatJst(t),
          description: `${business.name}, a point-card business outside 個人番号関係事務, ${what} (番号法第19条・第20条).`,
          details: { datasetId: dataset.datasetId, use: variant === 0 ? 'ACCESS' : 'RECORD' },
        });
        return;
      }
      case 'SUCCESSION_WITHOUT_CONSENT':
        return; // planted in cardAndMemberships()
    }
  }

  /** Each 機関別符号 is issued before its first use, by デジタル庁 (情報提供ネットワークシステム). */
  private agencyCodeIssues(): void {
    for (const [organizationId, code] of this.agencyCodes) {
      if (code.issued) continue;
      const earliest = this.p.enrolledAt + HOUR;
      const t = Math.max(earliest, code.firstUse - 1 - this.rng.int(30 * DAY));
      const at = Math.min(t, code.firstUse - 1);
      this.issue(at, DIGITAL_AGENCY.organizationId, this.residentCode(), { kind: 'AGENCY_CODE', value: code.value, scope: organizationId });
    }
  }
}
