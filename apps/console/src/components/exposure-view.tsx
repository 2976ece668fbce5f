import { useQuery } from '@apollo/client/react';
import { ExposureInWords } from '../graphql/operations';
import { dateTime, percent } from '../format';
import { inLang, useWords } from '../i18n';
import { Failure, Loading, Named } from './common';

/**
 * 名寄せされやすさ in words: the API's own sentences first (which records can be joined, at which level, through
 * which tie or identifier, since when), then each record with the datasets it can be matched one-to-one in.
 */
export function ExposureView({ subjectId, self }: { subjectId: string; self: boolean }) {
  const { t, code, lang } = useWords();
  const { data, error, loading } = useQuery(ExposureInWords, { variables: { subjectId } });
  if (error) return <Failure error={error} />;
  if (!data || loading) return <Loading />;
  const exposure = data.exposure;
  return (
    <>
      <section aria-labelledby="exposure-words">
        <h2 id="exposure-words">{t('inWords')}</h2>
        <ul className="explanations">
          {exposure.explanations.map((sentence, i) => (
            <li key={i} data-topic={sentence.topic}>
              {inLang(lang, sentence)}
            </li>
          ))}
        </ul>
        <p className="muted small">
          {t('measuredAt')}: {dateTime(exposure.measuredAt, lang)}
        </p>
      </section>

      <section aria-labelledby="exposure-records">
        <h2 id="exposure-records">{t(self ? 'myRecords' : 'theirRecords')}</h2>
        <div className="table-wrap">
          <table className="lines">
            <thead>
              <tr>
                <th scope="col">{t('dataset')}</th>
                <th scope="col">{t('holder')}</th>
                <th scope="col">{t('matchableIn')}</th>
              </tr>
            </thead>
            <tbody>
              {exposure.records.map((record) => (
                <tr key={record.recordId}>
                  <td data-label={t('dataset')}>
                    <Named party={record.dataset ?? { id: record.recordId }} />
                  </td>
                  <td data-label={t('holder')}>
                    <Named party={record.dataset?.holder} />
                  </td>
                  <td data-label={t('matchableIn')}>
                    {record.uniquelyMatchableIn.length === 0
                      ? t('none')
                      : (
                        <ul className="plain">
                          {record.uniquelyMatchableIn.map((match, i) => (
                            <li key={i}>
                              <Named party={match.dataset} /> — {t('fromLevel')}: {code('level', match.lowestLevel)}; {t('fields')}:{' '}
                              {match.fields.map((f) => code('field', f)).join('、')}
                            </li>
                          ))}
                        </ul>
                      )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {exposure.bestMatch && (
          <p>
            {t('bestMatch')}: <Named party={exposure.bestMatch.from} /> → <Named party={exposure.bestMatch.to} /> ({t('probability')}{' '}
            {percent(exposure.bestMatch.probability, lang)})
          </p>
        )}
      </section>

      <section aria-labelledby="exposure-ties">
        <h2 id="exposure-ties">{t('ties')}</h2>
        <p>{t('tiesLead')}</p>
        {exposure.linkage.ties.length === 0 ? (
          <p>{t('none')}</p>
        ) : (
          <div className="table-wrap">
            <table className="lines">
              <thead>
                <tr>
                  <th scope="col">{t('dataset')}</th>
                  <th scope="col">{t('madeBy')}</th>
                  <th scope="col">{t('purpose')}</th>
                  <th scope="col">{t('linkedAt')}</th>
                  <th scope="col">{t('state')}</th>
                </tr>
              </thead>
              <tbody>
                {exposure.linkage.ties.map((tie) => (
                  <tr key={tie.linkId}>
                    <td data-label={t('dataset')}>
                      <Named party={tie.datasetA} /> ⇔ <Named party={tie.datasetB} />
                      <div className="muted small">{tie.identifierKind ? code('identifier', tie.identifierKind) : tie.keyBy}</div>
                    </td>
                    <td data-label={t('madeBy')}>
                      <Named party={tie.organization} />
                    </td>
                    <td data-label={t('purpose')}>
                      {tie.purpose}
                      {tie.legalBasis && <div className="muted small">{tie.legalBasis}</div>}
                    </td>
                    <td data-label={t('linkedAt')}>{dateTime(tie.linkedAt, lang)}</td>
                    <td data-label={t('state')}>
                      {tie.live ? t('live') : `${t('cut')} ${dateTime(tie.unlinkedAt, lang)}`}
                      {tie.overdue && <span className="tag tag-warning"> {t('overdue')}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
