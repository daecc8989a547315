import type { ErrorCode } from './errors'

// Texts of API errors in the two UI languages. The server picks one from Accept-Language;
// the web app uses the same table so a message reads the same wherever it is shown.
export type Locale = 'fi' | 'en'

export const problemTitles: Record<ErrorCode, Record<Locale, string>> = {
  VALIDATION_FAILED: { fi: 'Tiedoissa on virheitä', en: 'The input has errors' },
  INVALID_JSON: { fi: 'Pyynnön JSON ei ole kelvollinen', en: 'The request body is not valid JSON' },
  PAYLOAD_TOO_LARGE: { fi: 'Pyyntö on liian suuri', en: 'The request is too large' },
  UNSUPPORTED_MEDIA_TYPE: {
    fi: 'Pyynnön sisältötyyppiä ei tueta',
    en: 'The request content type is not supported',
  },
  UNAUTHENTICATED: { fi: 'Kirjaudu sisään', en: 'Sign in first' },
  INVALID_CREDENTIALS: {
    fi: 'Sähköposti tai salasana on väärin',
    en: 'The email or password is wrong',
  },
  FORBIDDEN: { fi: 'Sinulla ei ole oikeutta tähän', en: 'You do not have the right to do this' },
  NOT_FOUND: { fi: 'Tietuetta ei löytynyt', en: 'The record was not found' },
  CONFLICT: { fi: 'Ristiriita olemassa olevan tiedon kanssa', en: 'Conflicts with existing data' },
  RATE_LIMITED: {
    fi: 'Liian monta pyyntöä, yritä hetken päästä',
    en: 'Too many requests, try again soon',
  },
  INTERNAL: { fi: 'Palvelimella tapahtui virhe', en: 'Something went wrong on the server' },
}

// Field issue codes: zod's own codes plus Suhde's domain checks (raised with params.code).
export const fieldMessages: Record<string, Record<Locale, string>> = {
  required: { fi: 'Pakollinen tieto puuttuu', en: 'This field is required' },
  invalid_type: { fi: 'Väärän tyyppinen arvo', en: 'Wrong type of value' },
  too_small: { fi: 'Arvo on liian pieni tai lyhyt', en: 'The value is too small or short' },
  too_big: { fi: 'Arvo on liian suuri tai pitkä', en: 'The value is too large or long' },
  invalid_format: { fi: 'Arvon muoto on väärä', en: 'The value has the wrong format' },
  invalid_value: { fi: 'Arvo ei ole sallittu', en: 'The value is not allowed' },
  unrecognized_keys: { fi: 'Tuntematon kenttä', en: 'Unknown field' },
  invalid_union: { fi: 'Arvo ei kelpaa', en: 'The value is not valid' },
  invalid_element: { fi: 'Luettelossa on virheellinen arvo', en: 'The list has an invalid value' },
  invalid_key: { fi: 'Virheellinen avain', en: 'Invalid key' },
  not_multiple_of: { fi: 'Arvo ei ole sallittu', en: 'The value is not allowed' },
  invalid_email: {
    fi: 'Sähköpostiosoite ei ole kelvollinen',
    en: 'The email address is not valid',
  },
  invalid_phone: { fi: 'Puhelinnumero ei ole kelvollinen', en: 'The phone number is not valid' },
  import_empty_file: { fi: 'Tiedosto on tyhjä', en: 'The file is empty' },
  import_no_rows: {
    fi: 'Tiedostossa on otsikkorivi mutta ei tietorivejä',
    en: 'The file has a header but no data rows',
  },
  import_no_header: {
    fi: 'Ensimmäisellä rivillä ei ole sarakkeiden nimiä',
    en: 'The first row has no column names',
  },
  import_bad_header: { fi: 'Otsikkoriviä ei voi lukea', en: 'The header row cannot be read' },
  import_binary_file: {
    fi: 'Tiedosto ei ole tekstiä: tallenna se CSV-, XLSX- tai vCard-muodossa',
    en: 'The file is not text: save it as CSV, XLSX or vCard',
  },
  import_bad_xlsx: { fi: 'Työkirjaa ei voi lukea', en: 'The workbook cannot be read' },
  import_no_sheet: {
    fi: 'Työkirjassa ei ole tätä välilehteä',
    en: 'The workbook has no such sheet',
  },
  import_not_editable: {
    fi: 'Tuontia ei voi enää muuttaa, koska se on jo käynnistetty',
    en: 'The import can no longer be changed: it has been started',
  },
  import_no_mapping: {
    fi: 'Yhtään saraketta ei ole yhdistetty kenttään',
    en: 'No column is mapped to a field',
  },
  import_unknown_column: {
    fi: 'Tiedostossa ei ole tätä saraketta',
    en: 'The file has no such column',
  },
  import_undo_expired: {
    fi: 'Tuontia ei voi enää perua (30 päivää kulunut) tai se on jo peruttu',
    en: 'The import can no longer be undone (30 days passed) or it was undone already',
  },
  import_not_finished: { fi: 'Tuonti ei ole vielä valmis', en: 'The import has not finished yet' },
  invalid_business_id: {
    fi: 'Y-tunnus ei ole kelvollinen (muoto 1234567-8 ja oikea tarkiste)',
    en: 'The Finnish business ID is not valid (format 1234567-8 with a correct check digit)',
  },
  invalid_url: { fi: 'Verkko-osoite ei ole kelvollinen', en: 'The URL is not valid' },
  invalid_date: { fi: 'Päivämäärä ei ole kelvollinen', en: 'The date is not valid' },
  invalid_domain: { fi: 'Verkkotunnus ei ole kelvollinen', en: 'The web domain is not valid' },
  invalid_currency: { fi: 'Tuntematon valuutta', en: 'Unknown currency' },
  invalid_id: { fi: 'Tunniste ei ole kelvollinen', en: 'The id is not valid' },
  unknown_reference: {
    fi: 'Viitattua tietuetta ei löytynyt',
    en: 'The referenced record was not found',
  },
  unknown_custom_field: { fi: 'Tuntematon lisäkenttä', en: 'Unknown custom field' },
  invalid_option: { fi: 'Valinta ei ole sallittu', en: 'The option is not allowed' },
  duplicate: { fi: 'Arvo on jo käytössä', en: 'The value is already in use' },
  name_or_email_required: {
    fi: 'Anna etunimi, sukunimi tai sähköpostiosoite',
    en: 'Give a first name, last name or email address',
  },
  multiple_primary: {
    fi: 'Vain yksi voi olla ensisijainen',
    en: 'Only one can be primary',
  },
  invalid_cursor: { fi: 'Sivutuskursori ei kelpaa', en: 'The page cursor is not valid' },
  invalid_filter: { fi: 'Suodatin ei kelpaa', en: 'The filter is not valid' },
  cycle: { fi: 'Emoyhtiö ei voi olla oma tytäryhtiönsä', en: 'A company cannot be its own parent' },
  task_only: {
    fi: 'Vain tehtävällä voi olla määräaika tai tehty-tila',
    en: 'Only a task has a due time or a done state',
  },
  weak_password: {
    fi: 'Salasanan on oltava vähintään 10 merkkiä',
    en: 'The password must be at least 10 characters',
  },
  in_past: { fi: 'Ajankohdan on oltava tulevaisuudessa', en: 'The time must be in the future' },
  stage_in_use: {
    fi: 'Poistettavassa vaiheessa on vielä myyntimahdollisuuksia',
    en: 'A removed stage still has deals',
  },
  stage_of_other_pipeline: {
    fi: 'Vaihe kuuluu toiseen myyntiputkeen',
    en: 'The stage belongs to another pipeline',
  },
  gate_criterion_missing: {
    fi: 'Vaihe vaatii tämän arviointikriterin täyttymisen',
    en: 'The stage requires this qualification criterion to be met',
  },
  gate_field_missing: {
    fi: 'Vaihe vaatii tämän tiedon',
    en: 'The stage requires this field',
  },
  deal_closed: {
    fi: 'Vain avointa kauppaa voi siirtää',
    en: 'Only an open deal can be moved',
  },
  only_when_lost: {
    fi: 'Häviön syy annetaan vain hävitylle kaupalle',
    en: 'A lost reason is only given for a lost deal',
  },
  quote_not_draft: {
    fi: 'Tarjouksen rivejä voi muuttaa vain luonnoksessa',
    en: 'Quote lines can only change while it is a draft',
  },
  invalid_transition: {
    fi: 'Tilaa ei voi vaihtaa tähän',
    en: 'The status cannot change to this',
  },
  not_period_start: {
    fi: 'Anna kuukauden tai vuosineljänneksen ensimmäinen päivä',
    en: 'Give the first day of the month or quarter',
  },
  product_inactive: {
    fi: 'Tuote ei ole enää myynnissä',
    en: 'The product is no longer sold',
  },
  last_admin: {
    fi: 'Työtilassa on oltava ainakin yksi ylläpitäjä',
    en: 'The workspace must keep at least one admin',
  },
  unknown_purpose: { fi: 'Tuntematon käsittelyn tarkoitus', en: 'Unknown purpose' },
  inactive_purpose: {
    fi: 'Tarkoitus ei ole käytössä; suostumusta ei voi antaa',
    en: 'The purpose is not active; consent cannot be given',
  },
  channel_not_in_purpose: {
    fi: 'Tarkoitus ei käytä tätä kanavaa',
    en: 'The purpose does not use this channel',
  },
  unknown_text_version: {
    fi: 'Tarkoituksen tekstillä ei ole tätä versiota',
    en: 'The purpose text has no such version',
  },
  in_future: {
    fi: 'Ajankohta ei voi olla tulevaisuudessa',
    en: 'The time cannot be in the future',
  },
  before_latest_grant: {
    fi: 'Peruutus ei voi olla aiempi kuin viimeisin suostumus',
    en: 'A withdrawal cannot be dated before the latest grant',
  },
  before_latest_event: {
    fi: 'Ajankohta on aiempi kuin viimeisin kirjaus; historiaa ei muuteta',
    en: 'The time is before the latest entry; history is not rewritten',
  },
  no_email: {
    fi: 'Yhteyshenkilöllä ei ole sähköpostiosoitetta',
    en: 'The contact has no email address',
  },
  record_needs_object_type: {
    fi: 'Valitse tietueen tyyppi: yhteyshenkilö tai yritys',
    en: 'Choose the record type: contact or company',
  },
  duplicate_merged: {
    fi: 'Tietueet on jo yhdistetty',
    en: 'The records have been merged already',
  },
  unknown_merge_field: {
    fi: 'Tätä kenttää ei voi valita yhdistettäessä',
    en: 'This field cannot be chosen in a merge',
  },
  merge_union_not_list: {
    fi: 'Vain luettelokentän arvot voi yhdistää; valitse yksi tietue',
    en: 'Only a list field can take the union; pick one record',
  },
  merge_record_not_in_merge: {
    fi: 'Valittu tietue ei ole mukana yhdistämisessä',
    en: 'The chosen record is not part of the merge',
  },
  merge_survivor_in_merged: {
    fi: 'Säilytettävä tietue ei voi olla myös yhdistettävien joukossa',
    en: 'The record to keep cannot also be one of those merged into it',
  },
}

export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'en'
  for (const part of acceptLanguage.split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase()
    if (tag === 'fi') return 'fi'
    if (tag === 'en') return 'en'
  }
  return 'en'
}
