import path from 'node:path';
import cliProgress from 'cli-progress';
import { openDatabase } from '../../../adapters/db/database';
import { CsvFormatError } from '../../../domain/matching/csv';
import { importCompanies, type RejectedCompanyRow } from '../../../usecases/companies/importCompanies';
import { importOpenData } from '../../../usecases/companies/openData/importOpenData';
import { openDataLicences, OpenDataFormatError, type OpenDataFormat } from '../../../usecases/companies/openData/openDataFormats';
import { readSecTickerEntries } from '../../../usecases/companies/openData/readSecTickers';
import { loadConfig } from '../../config';
import { CliError } from '../cliError';
import type { ImportFormat } from './companies';
import { FileEncodingError, formatHint, readUtf8Chunks, readUtf8CsvChunks } from './companyImportFiles';
import type { ProgressListener } from './matchFiles';

/**
 * `openabm companies import`'s work, loaded by its action (companies.ts) when it runs: the database, the import use
 * cases and the progress bar are paid by this command only, not by every command of the CLI.
 */
export async function importCompanyFile(file: string, options: { format: ImportFormat }): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const progress = createProgressBar();
  try {
    if (options.format === 'csv') {
      const result = await importCompanies({ chunks: readUtf8CsvChunks(file, progress.listener), file: path.basename(file), importedAt: new Date() }, { db: database.db });
      progress.stop();
      process.stdout.write(`Imported ${result.upserted} companies (inserted or updated); ${result.rejected.length} rows rejected.\n`);
      printRejected(result.rejected, 'line');
    } else {
      const format: OpenDataFormat = options.format;
      const common = { file: path.basename(file), importedAt: new Date() };
      const result =
        format === 'sec'
          ? await importOpenData({ ...common, format, entries: readSecTickerEntries(readUtf8Chunks(file, progress.listener)) }, { db: database.db })
          : await importOpenData({ ...common, format, chunks: readUtf8CsvChunks(file, progress.listener) }, { db: database.db });
      progress.stop();
      const source = openDataLicences[format];
      const unit = format === 'sec' ? 'entries' : 'rows';
      process.stdout.write(`Imported ${result.upserted} ${unit} from ${source.dataset} (${source.licence}; provenance kept per company); ${result.rejected.length} ${unit} rejected.\n`);
      process.stdout.write(
        `  ${result.created} new companies; ${result.merged} merged into existing companies imported from another data set (${result.mergedByIdentifier} by the same LEI or CIK, ${result.merged - result.mergedByIdentifier} by the same domain, or same name and country); ${result.updated} updated in place (imported before).\n`,
      );
      for (const warning of result.warnings) process.stdout.write(`  Note: ${warning}\n`);
      if (result.upserted === 0 && result.rejected.length === 0) process.stdout.write(`  The file holds no ${unit} (${format === 'sec' ? 'an empty JSON object' : 'a header and nothing after it'}): nothing was changed.\n`);
      printRejected(result.rejected, format === 'sec' ? 'entry' : 'line');
      if (result.repeated > 0) {
        process.stdout.write(`  ${result.repeated} rows repeated the ${format === 'gleif' ? 'LEI' : 'item'} of an earlier row and were merged into it (the earlier row's values kept, other websites, names and identifiers added)${format === 'wikidata' ? ': a query-service export repeats an item once per value of a many-valued property' : ''}:\n`);
        printRejected(result.repeatedRows, 'line', result.repeated);
      }
      if (result.companiesJoined.length > 0) {
        process.stdout.write(`  ${result.companiesJoined.length} pairs of companies already in the master merged into one (a record now carries the LEI or CIK of the other's record; segments, accounts and lists follow the surviving company):\n`);
        printRejected(result.companiesJoined, format === 'sec' ? 'entry' : 'line');
      }
      if (result.joinsWithoutEvidence.length > 0) {
        process.stdout.write(`  ${result.joinsWithoutEvidence.length} ${unit} merged earlier into a company of another data set no longer share an LEI, CIK, domain or name with it (kept merged; check them):\n`);
        printRejected(result.joinsWithoutEvidence, format === 'sec' ? 'entry' : 'line');
      }
      if (result.identifierConflicts.length > 0) {
        process.stdout.write(`  ${result.identifierConflicts.length} ${unit} whose LEI or CIK named a company they could not join (imported as companies of their own):\n`);
        printRejected(result.identifierConflicts, format === 'sec' ? 'entry' : 'line');
      }
    }
  } catch (error) {
    progress.stop();
    if (error instanceof FileEncodingError) throw new CliError(`${file}: ${error.message}; nothing was imported.`);
    if (error instanceof CsvFormatError || error instanceof OpenDataFormatError) {
      const message = error instanceof CsvFormatError ? (error.filePath ? error.message : error.inFile(file).message) : `${file}: ${error.message}`;
      const hint = await formatHint(file, options.format);
      throw new CliError(`${message}${hint ? ` — ${hint}` : ''}; nothing was imported.`);
    }
    throw error;
  } finally {
    await database.close();
  }
}

function printRejected(rejected: readonly RejectedCompanyRow[], unit: string, total = rejected.length): void {
  for (const rejection of rejected.slice(0, 100)) process.stdout.write(`  ${unit} ${rejection.line}: ${rejection.reason}\n`);
  if (total > 100) process.stdout.write(`  … and ${total - 100} more\n`);
}

/** Files from this size on report their progress in a log too (the GLEIF golden copy is several GB). */
const loggedProgressFromBytes = 100 * 1024 * 1024;

/** A progress bar on stderr when it is a terminal; else, for a large file, a line on stderr every tenth of it. */
function createProgressBar(): { listener: ProgressListener | undefined; stop(): void } {
  if (!process.stderr.isTTY) {
    let tenthsLogged = 0;
    const megabytes = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;
    return {
      listener(done, total) {
        const tenths = Math.floor((done / total) * 10);
        if (total < loggedProgressFromBytes || tenths <= tenthsLogged) return;
        tenthsLogged = tenths;
        process.stderr.write(`Importing: ${tenths * 10}% of the file read (${megabytes(done)} of ${megabytes(total)})${tenths === 10 ? ', writing the last companies' : ''}\n`);
      },
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar({ format: 'Importing [{bar}] {percentage}% {value}/{total} bytes', stream: process.stderr, clearOnComplete: true }, cliProgress.Presets.shades_classic);
  let isStarted = false;
  return {
    listener(done, total) {
      if (!isStarted) {
        bar.start(total, 0);
        isStarted = true;
      }
      bar.update(done);
    },
    stop() {
      if (isStarted) bar.stop();
    },
  };
}
