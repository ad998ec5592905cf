import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { RdfXmlParser } from 'rdfxml-streaming-parser';

import { emptyMetas } from '../../../src/core/dataset.ts';
import type { DcatProfiles } from '../../../src/core/dcat-profiles.ts';
import type { TestPortal } from '../../helpers/test-portal.ts';
import { getJson, startTestPortal, TEST_ENGINES } from '../../helpers/test-portal.ts';

const EXPORTS = '/api/explore/v2.1/catalog/exports';
const BASE = 'https://data.example.org';
const LANDING = `${BASE}/explore/dataset/abattoirs/`;
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const DCT = 'http://purl.org/dc/terms/';
const DCAT = 'http://www.w3.org/ns/dcat#';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const VCARD = 'http://www.w3.org/2006/vcard/ns#';

interface Triple {
  s: string;
  p: string;
  o: string;
  /** The object's language tag, '' when it has none. */
  lang: string;
}

async function triplesOf(xml: string): Promise<Triple[]> {
  const triples: Triple[] = [];
  await new Promise<void>((resolve, reject) => {
    const parser = new RdfXmlParser();
    parser.on(
      'data',
      (q: {
        subject: { value: string };
        predicate: { value: string };
        object: { value: string; language?: string };
      }) =>
        triples.push({
          s: q.subject.value,
          p: q.predicate.value,
          o: q.object.value,
          lang: q.object.language ?? '',
        }),
    );
    parser.on('error', reject);
    parser.on('end', () => resolve());
    parser.write(xml);
    parser.end();
  });
  return triples;
}

/** The objects of `subject`'s `predicate`. */
const objects = (triples: Triple[], subject: string, predicate: string) =>
  triples.filter((t) => t.s === subject && t.p === predicate).map((t) => t.o);

/** The one object of a predicate of `subject`, followed to the node it names. */
function only(triples: Triple[], subject: string, predicate: string): string {
  const found = objects(triples, subject, predicate);
  assert.equal(found.length, 1, `${subject} ${predicate}: ${found.join(', ')}`);
  return found[0]!;
}

const PROFILES: DcatProfiles = {
  dcat_ap_ch: { organisation: 'dgal', contact_email: 'opendata@dgal.example', terms: 'terms_by' },
  dcat_ap_de: {
    contributor_id: 'http://dcat-ap.de/def/contributors/exampleContributor',
    geocoding_level: 'state',
    geocoding_uri: 'http://dcat-ap.de/def/politicalGeocoding/stateKey/09',
  },
  dcat_ap_se: { contact_email: 'data@dgal.example', publisher_type: 'NationalAuthority' },
  dcat_ap_sp: { dir3: 'E00003901', sector: 'salud' },
  dcat_ap_it: { ipa_code: 'm_dgal', data_theme: 'AGRI' },
  dcat_ap_vl: { ovo_code: 'OVO000123', contact_email: 'vl@dgal.example' },
  dcat_ap_benap: { kbo_number: '0123456789', contact_email: 'be@dgal.example' },
};

for (const engine of TEST_ENGINES)
  describe(`national DCAT-AP profiles of the catalog (${engine})`, () => {
    let portal: TestPortal;
    before(async () => {
      portal = await startTestPortal({
        engine,
        env: { DATAGORA_BASE_URL: BASE, DATAGORA_PORTAL_NAME: 'Données DGAL' },
      });
      await portal.engine.metadata.saveDataset({
        id: 'abattoirs',
        metas: {
          ...emptyMetas('Abattoirs agréés'),
          description: 'Les abattoirs agréés',
          language: 'fr',
          publisher: 'DGAL',
          license: 'CC BY 4.0',
          license_url: 'https://creativecommons.org/licenses/by/4.0/',
          translations: { en: { title: 'Approved slaughterhouses', description: 'The list' } },
          dcat: { contact_name: 'Bureau des données', contact_email: 'bureau@dgal.example' },
        },
      });
      await portal.engine.metadata.saveDataset({
        id: 'budget',
        metas: { ...emptyMetas('Budget'), license: 'Licence propriétaire' },
      });
      await portal.services.settings.saveDcatProfiles(PROFILES);
    });
    after(async () => portal.close());

    async function profile(name: string): Promise<Triple[]> {
      const response = await portal.app.inject({ method: 'GET', url: `${EXPORTS}/${name}` });
      assert.equal(response.statusCode, 200, response.body);
      assert.match(String(response.headers['content-type']), /^application\/rdf\+xml/);
      return triplesOf(response.body);
    }

    test('the activated profiles are listed after the DCAT-AP formats', async () => {
      const { body } = await getJson(portal, EXPORTS);
      const rels = (body['_links'] as { rel: string }[]).map((l) => l.rel);
      assert.deepEqual(rels.slice(-7), Object.keys(PROFILES));
    });

    test('DCAT-AP CH: organisation identifiers, tagged titles, contact, terms of use', async () => {
      for (const spelling of ['dcat_ap_ch', 'dcat-ap-ch', 'DCAT_AP_CH']) {
        const triples = await profile(spelling);
        assert.equal(only(triples, LANDING, `${DCT}identifier`), 'abattoirs@dgal');
        const titles = triples.filter((t) => t.s === LANDING && t.p === `${DCT}title`);
        assert.deepEqual(titles.map((t) => `${t.lang}:${t.o}`).sort(), [
          'en:Approved slaughterhouses',
          'fr:Abattoirs agréés',
        ]);
        const contact = only(triples, LANDING, `${DCAT}contactPoint`);
        assert.equal(only(triples, contact, `${VCARD}fn`), 'Bureau des données');
        assert.equal(only(triples, contact, `${VCARD}hasEmail`), 'mailto:bureau@dgal.example');
        const budget = `${BASE}/explore/dataset/budget/`;
        // A dataset without a contact of its own gets the profile's address.
        const fallback = only(triples, budget, `${DCAT}contactPoint`);
        assert.equal(only(triples, fallback, `${VCARD}hasEmail`), 'mailto:opendata@dgal.example');
        const distributions = objects(triples, LANDING, `${DCAT}distribution`);
        assert.ok(distributions.length >= 4);
        for (const distribution of distributions) {
          assert.equal(
            only(triples, distribution, `${DCT}license`),
            'http://dcat-ap.ch/vocabulary/licenses/terms_by',
          );
          assert.equal(objects(triples, distribution, `${DCT}issued`).length, 1);
        }
      }
    });

    test('DCAT-AP.de: contributor, geocoding, licences of the vocabulary only', async () => {
      const triples = await profile('dcat_ap_de');
      const DCATDE = 'http://dcat-ap.de/def/dcatde/';
      for (const landing of [LANDING, `${BASE}/explore/dataset/budget/`]) {
        assert.equal(
          only(triples, landing, `${DCATDE}contributorID`),
          PROFILES.dcat_ap_de!['contributor_id'],
        );
        assert.equal(
          only(triples, landing, `${DCATDE}politicalGeocodingLevelURI`),
          'http://dcat-ap.de/def/politicalGeocoding/Level/state',
        );
      }
      const [distribution] = objects(triples, LANDING, `${DCAT}distribution`);
      assert.equal(
        only(triples, distribution!, `${DCT}license`),
        'http://dcat-ap.de/def/licenses/cc-by/4.0',
      );
      assert.equal(only(triples, distribution!, `${DCATDE}licenseAttributionByText`), 'DGAL');
      // An unrecognised licence is left out rather than guessed.
      const [unknown] = objects(triples, `${BASE}/explore/dataset/budget/`, `${DCAT}distribution`);
      assert.deepEqual(objects(triples, unknown!, `${DCT}license`), []);
    });

    test('DCAT-AP-SE: typed publisher and contact point', async () => {
      const triples = await profile('dcat_ap_se');
      const publisher = only(triples, LANDING, `${DCT}publisher`);
      assert.equal(only(triples, publisher, `${FOAF}name`), 'DGAL');
      assert.equal(
        only(triples, publisher, `${DCT}type`),
        'http://purl.org/adms/publishertype/NationalAuthority',
      );
      const catalogPublisher = only(triples, `${BASE}/`, `${DCT}publisher`);
      assert.equal(only(triples, catalogPublisher, `${FOAF}name`), 'Données DGAL');
      assert.equal(
        objects(triples, `${BASE}/explore/dataset/budget/`, `${DCAT}contactPoint`).length,
        1,
      );
    });

    test('DCAT-AP-ES: DIR3 publisher, sector theme, media types', async () => {
      const triples = await profile('dcat_ap_sp');
      const organisation = 'http://datos.gob.es/recurso/sector-publico/org/Organismo/E00003901';
      assert.equal(only(triples, LANDING, `${DCT}publisher`), organisation);
      assert.equal(only(triples, `${BASE}/`, `${DCT}publisher`), organisation);
      assert.equal(
        only(triples, LANDING, `${DCAT}theme`),
        'http://datos.gob.es/kos/sector-publico/sector/salud',
      );
      const [distribution] = objects(triples, LANDING, `${DCAT}distribution`);
      const format = only(triples, distribution!, `${DCT}format`);
      assert.equal(only(triples, format, RDF_TYPE), `${DCT}IMT`);
      assert.equal(
        only(triples, format, 'http://www.w3.org/1999/02/22-rdf-syntax-ns#value'),
        'text/csv',
      );
      assert.equal(objects(triples, `${BASE}/`, `${DCT}modified`).length, 1);
    });

    test('DCAT-AP_IT: dcatapit types, IPA agents, theme, frequency, licence document', async () => {
      const triples = await profile('dcat_ap_it');
      const IT = 'http://dati.gov.it/onto/dcatapit#';
      assert.deepEqual(objects(triples, `${BASE}/`, RDF_TYPE).sort(), [
        `${IT}Catalog`,
        `${DCAT}Catalog`,
      ]);
      assert.deepEqual(objects(triples, LANDING, RDF_TYPE).sort(), [
        `${IT}Dataset`,
        `${DCAT}Dataset`,
      ]);
      assert.equal(only(triples, LANDING, `${DCT}identifier`), 'm_dgal:abattoirs');
      const holder = only(triples, LANDING, `${DCT}rightsHolder`);
      assert.equal(only(triples, holder, `${DCT}identifier`), 'm_dgal');
      assert.equal(
        only(triples, LANDING, `${DCAT}theme`),
        'http://publications.europa.eu/resource/authority/data-theme/AGRI',
      );
      assert.equal(
        only(triples, LANDING, `${DCT}accrualPeriodicity`),
        'http://publications.europa.eu/resource/authority/frequency/UNKNOWN',
      );
      const [distribution] = objects(triples, LANDING, `${DCAT}distribution`);
      assert.ok(objects(triples, distribution!, RDF_TYPE).includes(`${IT}Distribution`));
      // The licence every distribution names is described once, as a licence document.
      const license = only(triples, distribution!, `${DCT}license`);
      assert.equal(license, 'https://creativecommons.org/licenses/by/4.0/');
      assert.equal(only(triples, license, `${FOAF}name`), 'CC BY 4.0');
      assert.deepEqual(objects(triples, license, RDF_TYPE).sort(), [
        `${IT}LicenseDocument`,
        `${DCT}LicenseDocument`,
      ]);
    });

    test('DCAT-AP Vlaanderen and BE: publishers by OVO code and enterprise number', async () => {
      const flemish = await profile('dcat_ap_vl');
      assert.equal(
        only(flemish, LANDING, `${DCT}publisher`),
        'http://data.vlaanderen.be/id/organisatie/OVO000123',
      );
      assert.equal(objects(flemish, LANDING, `${DCAT}contactPoint`).length, 1);
      const belgian = await profile('dcat-ap-benap');
      assert.equal(
        only(belgian, LANDING, `${DCT}publisher`),
        'https://org.belgif.be/id/CbeRegisteredEntity/0123456789',
      );
      assert.equal(objects(belgian, LANDING, `${DCT}title`).length, 2);
    });

    test('refused values change nothing; a deactivated profile answers 400', async () => {
      await assert.rejects(
        portal.services.settings.saveDcatProfiles({
          ...PROFILES,
          dcat_ap_sp: { dir3: 'not a code', sector: 'salud' },
        }),
        /dcat_ap_sp\.dir3: format/,
      );
      assert.equal((await portal.app.inject(`${EXPORTS}/dcat_ap_sp`)).statusCode, 200);
      const { dcat_ap_sp: _spanish, ...others } = PROFILES;
      await portal.services.settings.saveDcatProfiles(others);
      const { status, body } = await getJson(portal, `${EXPORTS}/dcat_ap_sp`);
      assert.equal(status, 400);
      assert.match(String(body['message']), /dcat_ap_sp export is not activated/);
      assert.equal((await portal.app.inject(`${EXPORTS}/dcat_ap_it`)).statusCode, 200);
      await portal.services.settings.saveDcatProfiles(PROFILES);
    });
  });
