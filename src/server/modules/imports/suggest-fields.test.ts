import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseFile } from './parse-file'
import { suggestMapping } from './suggest-fields'

async function suggestFor(name: string) {
  const data = new Uint8Array(readFileSync(join(__dirname, 'fixtures', name)))
  const t = await parseFile(data, name)
  return suggestMapping(t.headers)
}

describe('field suggestions', () => {
  it('maps Finnish headers', () => {
    expect(
      suggestMapping([
        'Etunimi',
        'Sukunimi',
        'Sähköposti',
        'Puhelin',
        'Yritys',
        'Y-tunnus',
        'Titteli',
      ]),
    ).toEqual({
      Etunimi: 'firstName',
      Sukunimi: 'lastName',
      Sähköposti: 'email',
      Puhelin: 'phone',
      Yritys: 'companyName',
      'Y-tunnus': 'businessId',
      Titteli: 'title',
    })
  })

  it('maps custom fields by key or label and leaves unknown columns out', () => {
    const m = suggestMapping(
      ['Asiakasnumero', 'Whatever'],
      [{ key: 'customer_no', labelFi: 'Asiakasnumero', labelEn: 'Customer number' }],
    )
    expect(m).toEqual({ Asiakasnumero: 'custom.customer_no', Whatever: 'ignore' })
  })

  it('maps the columns of HubSpot, Pipedrive, Salesforce, Google and Outlook exports', async () => {
    expect(await suggestFor('hubspot-contacts.csv')).toMatchObject({
      'First Name': 'firstName',
      Email: 'email',
      'Phone Number': 'phone',
      'Mobile Phone Number': 'phone2',
      'Company Name': 'companyName',
      'Job Title': 'title',
      'Contact owner': 'owner',
      'Record ID': 'ignore',
    })
    expect(await suggestFor('pipedrive-people.csv')).toMatchObject({
      'Person - Email - Work': 'email',
      'Person - Phone - Work': 'phone',
      'Person - Organization': 'companyName',
      'Person - Labels': 'tags',
    })
    expect(await suggestFor('salesforce-contacts.csv')).toMatchObject({
      'Account Name': 'companyName',
      Title: 'title',
      'Mailing City': 'city',
      'Mailing Zip/Postal Code': 'postalCode',
    })
    expect(await suggestFor('google-contacts.csv')).toMatchObject({
      'Given Name': 'firstName',
      'Family Name': 'lastName',
      'E-mail 1 - Value': 'email',
      'E-mail 2 - Value': 'email2',
      'Phone 1 - Value': 'phone',
      'Organization 1 - Name': 'companyName',
      'Organization 1 - Title': 'title',
      Birthday: 'birthDate',
    })
    expect(await suggestFor('outlook-contacts.csv')).toMatchObject({
      'Job Title': 'title',
      Title: 'ignore',
      'E-mail Address': 'email',
      'E-mail 2 Address': 'email2',
      'Business Phone': 'phone',
      'Mobile Phone': 'phone2',
      Company: 'companyName',
      Categories: 'tags',
    })
    expect(await suggestFor('finnish-excel.csv')).toMatchObject({
      Syntymäpäivä: 'birthDate',
      Sähköposti: 'email',
    })
  })
})
