// Generates the AWS CUR 2.0 (Data Exports) Parquet fixtures of this folder, deterministically.
// See README.md here for how to run it. Requires hyparquet-writer 0.17.0 (npm), nothing else.
//
//   node generate-cur2-parquet.mjs SAMPLE_CSV OUT_DIR          the committed fixtures
//   node generate-cur2-parquet.mjs --rows N OUT_FILE           a large file for measurements (not committed)
//
// SAMPLE_CSV is ../shared/samples/billing/aws_cur2_mock_keboola.csv: its rows become the first rows of
// aws_cur2_mock.parquet, so that a test can check that CSV and Parquet import to the same charges.
//
// The schema follows AWS's CUR 2.0 table dictionary: snake_case names, strings as UTF8 byte arrays,
// costs and amounts as DOUBLE, rates as strings, dates as INT64 timestamps adjusted to UTC, and
// resource_tags / product / cost_category as MAP<string,string>, discount as MAP<string,double>
// (three-level MAP groups: key_value { required key; optional value }), Snappy-compressed like
// AWS's *.snappy.parquet parts.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { parquetWriteFile } from 'hyparquet-writer'

const STRING = 'S'
const DOUBLE = 'D'
const TIME = 'T'
const MAP_STRING = 'MS'
const MAP_DOUBLE = 'MD'

// The 30 columns of the CSV sample, in its order, then the CUR 2.0 columns the importer also reads.
const COLUMNS = [
  ['identity_line_item_id', STRING], ['identity_time_interval', STRING], ['bill_invoice_id', STRING],
  ['bill_billing_entity', STRING], ['bill_bill_type', STRING], ['bill_payer_account_id', STRING],
  ['bill_billing_period_start_date', TIME], ['bill_billing_period_end_date', TIME],
  ['line_item_usage_account_id', STRING], ['line_item_line_item_type', STRING],
  ['line_item_usage_start_date', TIME], ['line_item_usage_end_date', TIME], ['line_item_product_code', STRING],
  ['line_item_usage_type', STRING], ['line_item_operation', STRING], ['line_item_availability_zone', STRING],
  ['line_item_resource_id', STRING], ['line_item_usage_amount', DOUBLE], ['line_item_normalization_factor', DOUBLE],
  ['line_item_normalized_usage_amount', DOUBLE], ['line_item_currency_code', STRING],
  ['line_item_unblended_rate', STRING], ['line_item_unblended_cost', DOUBLE], ['line_item_blended_rate', STRING],
  ['line_item_blended_cost', DOUBLE], ['line_item_line_item_description', STRING], ['line_item_tax_type', STRING],
  ['product_product_name', STRING], ['product_account_assistance', STRING], ['product_architectural_review', STRING],
  ['bill_payer_account_name', STRING], ['line_item_usage_account_name', STRING],
  ['pricing_term', STRING], ['pricing_unit', STRING], ['pricing_public_on_demand_cost', DOUBLE],
  ['pricing_public_on_demand_rate', STRING], ['product_instance_type', STRING], ['product_region_code', STRING],
  ['product_sku', STRING], ['product_servicecode', STRING], ['product_product_family', STRING],
  ['reservation_effective_cost', DOUBLE], ['reservation_reservation_a_r_n', STRING],
  ['reservation_unused_amortized_upfront_fee_for_billing_period', DOUBLE], ['reservation_unused_recurring_fee', DOUBLE],
  ['savings_plan_savings_plan_a_r_n', STRING], ['savings_plan_savings_plan_effective_cost', DOUBLE],
  ['savings_plan_savings_plan_rate', DOUBLE], ['savings_plan_total_commitment_to_date', DOUBLE],
  ['savings_plan_used_commitment', DOUBLE], ['discount_bundled_discount', DOUBLE], ['discount_total_discount', DOUBLE],
  ['cost_category', MAP_STRING], ['discount', MAP_DOUBLE], ['product', MAP_STRING], ['resource_tags', MAP_STRING],
]

function schemaFor(columns, unit) {
  const schema = [{ name: 'schema', num_children: columns.length }]
  const utf8 = { type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' } }
  for (const [name, kind] of columns) {
    if (kind === STRING) schema.push({ name, repetition_type: 'OPTIONAL', ...utf8 })
    else if (kind === DOUBLE) schema.push({ name, repetition_type: 'OPTIONAL', type: 'DOUBLE' })
    else if (kind === TIME) {
      schema.push({ name, repetition_type: 'OPTIONAL', type: 'INT64', converted_type: 'TIMESTAMP_' + unit,
        logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit } })
    } else {
      schema.push({ name, repetition_type: 'OPTIONAL', converted_type: 'MAP', logical_type: { type: 'MAP' }, num_children: 1 })
      schema.push({ name: 'key_value', repetition_type: 'REPEATED', num_children: 2 })
      schema.push({ name: 'key', repetition_type: 'REQUIRED', ...utf8 })
      if (kind === MAP_STRING) schema.push({ name: 'value', repetition_type: 'OPTIONAL', ...utf8 })
      else schema.push({ name: 'value', repetition_type: 'OPTIONAL', type: 'DOUBLE' })
    }
  }
  return schema
}

/** Rows are objects of text values (as a CUR CSV holds them; maps as objects); this turns them into column arrays. */
function columnData(columns, rows) {
  return columns.map(([name, kind]) => ({
    name,
    data: rows.map(r => {
      const v = r[name]
      if (v === undefined || v === null || v === '') return null
      if (kind === DOUBLE) return Number(v)
      if (kind === TIME) return new Date(v)
      if (kind === MAP_DOUBLE) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, Number(x)]))
      return v
    }),
  }))
}

/** The same rows as a CUR 2.0 CSV: maps as JSON objects, like AWS writes them in CSV exports. */
function toCsv(columns, rows) {
  const cell = (v, kind) => {
    if (v === undefined || v === null) return ''
    if (kind === MAP_DOUBLE) v = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, Number(x)]))
    const s = typeof v === 'object' ? JSON.stringify(v) : String(v)
    return /[",\n]/.test(s) ? '"' + s.replaceAll('"', '""') + '"' : s
  }
  const lines = [columns.map(c => c[0]).join(',')]
  for (const r of rows) lines.push(columns.map(([name, kind]) => cell(r[name], kind)).join(','))
  return lines.join('\n') + '\n'
}

function parseCsv(text) {
  // The sample has no quoted fields; refuse anything else rather than misread it.
  const lines = text.split(/\r?\n/).filter(l => l.length > 0)
  if (lines.some(l => l.includes('"'))) throw new Error('quoted CSV fields are not expected in the sample')
  const header = lines[0].split(',')
  return lines.slice(1).map(l => {
    const f = l.split(',')
    if (f.length !== header.length) throw new Error('ragged CSV line: ' + l)
    return Object.fromEntries(header.map((h, i) => [h, f[i]]))
  })
}

const ACCOUNT = '123456789012'
const SP_ARN = 'arn:aws:savingsplans::123456789012:savingsplan/3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b'

function common(id, start, end) {
  return {
    identity_line_item_id: id, identity_time_interval: `${start}/${end}`, bill_invoice_id: '987654321',
    bill_billing_entity: 'AWS', bill_bill_type: 'Anniversary', bill_payer_account_id: ACCOUNT,
    bill_billing_period_start_date: '2024-09-01T00:00:00Z', bill_billing_period_end_date: '2024-10-01T00:00:00Z',
    line_item_usage_account_id: ACCOUNT, line_item_usage_start_date: start, line_item_usage_end_date: end,
    line_item_currency_code: 'USD', bill_payer_account_name: 'Mock Payer', line_item_usage_account_name: 'Mock Payer',
  }
}

// Spot, savings-plan and serverless rows the CSV sample lacks, with every map column in use.
const EXTRA_ROWS = [
  { ...common('e1f2a3b4c5d6', '2024-09-02T10:00:00Z', '2024-09-02T11:00:00Z'),
    line_item_line_item_type: 'Usage', line_item_product_code: 'AmazonEC2', line_item_usage_type: 'USE1-SpotUsage:g5.xlarge',
    line_item_operation: 'RunInstances:SV001', line_item_availability_zone: 'us-east-1a', line_item_resource_id: 'i-0spot0000000000001',
    line_item_usage_amount: '1.0', line_item_unblended_rate: '0.4123', line_item_unblended_cost: '0.4123',
    line_item_blended_rate: '0.4123', line_item_blended_cost: '0.4123',
    line_item_line_item_description: '$0.4123 per Linux g5.xlarge spot instance-hour', product_product_name: 'Amazon Elastic Compute Cloud',
    pricing_term: 'Spot', pricing_unit: 'Hrs', pricing_public_on_demand_cost: '1.006', pricing_public_on_demand_rate: '1.006',
    product_instance_type: 'g5.xlarge', product_region_code: 'us-east-1', product_sku: 'SKUSPOTG5XL', product_servicecode: 'AmazonEC2',
    product_product_family: 'Compute Instance',
    product: { instance_type: 'g5.xlarge', operating_system: 'Linux', region: 'us-east-1' },
    resource_tags: { 'user:team': 'ml', 'user:env': 'prod' }, cost_category: { project: 'inference' } },
  { ...common('f2a3b4c5d6e7', '2024-09-02T11:00:00Z', '2024-09-02T12:00:00Z'),
    line_item_line_item_type: 'SavingsPlanCoveredUsage', line_item_product_code: 'AmazonEC2', line_item_usage_type: 'USE1-BoxUsage:p4d.24xlarge',
    line_item_operation: 'RunInstances', line_item_availability_zone: 'us-east-1b', line_item_resource_id: 'i-0sp00000000000002',
    line_item_usage_amount: '1.0', line_item_unblended_rate: '32.7726', line_item_unblended_cost: '32.7726',
    line_item_blended_rate: '32.7726', line_item_blended_cost: '32.7726',
    line_item_line_item_description: 'Compute SavingsPlan covered usage', product_product_name: 'Amazon Elastic Compute Cloud',
    pricing_term: 'OnDemand', pricing_unit: 'Hrs', pricing_public_on_demand_cost: '32.7726', pricing_public_on_demand_rate: '32.7726',
    product_instance_type: 'p4d.24xlarge', product_region_code: 'us-east-1', product_sku: 'SKUP4D24XL', product_servicecode: 'AmazonEC2',
    product_product_family: 'Compute Instance', savings_plan_savings_plan_a_r_n: SP_ARN,
    savings_plan_savings_plan_effective_cost: '20.5001', savings_plan_savings_plan_rate: '20.5001',
    product: { instance_type: 'p4d.24xlarge', region: 'us-east-1' },
    resource_tags: { 'user:team': 'research', 'user:owner': 'Zoë "Z" O\'Neil' }, cost_category: { project: 'training' } },
  { ...common('a3b4c5d6e7f8', '2024-09-02T11:00:00Z', '2024-09-02T12:00:00Z'),
    line_item_line_item_type: 'SavingsPlanNegation', line_item_product_code: 'AmazonEC2', line_item_usage_type: 'USE1-BoxUsage:p4d.24xlarge',
    line_item_operation: 'RunInstances', line_item_availability_zone: 'us-east-1b', line_item_resource_id: 'i-0sp00000000000002',
    line_item_usage_amount: '1.0', line_item_unblended_rate: '-32.7726', line_item_unblended_cost: '-32.7726',
    line_item_blended_rate: '-32.7726', line_item_blended_cost: '-32.7726',
    line_item_line_item_description: 'SavingsPlanNegation used by AccountId : 123456789012 and UsageSku : SKUP4D24XL',
    product_product_name: 'Amazon Elastic Compute Cloud', pricing_unit: 'Hrs', product_region_code: 'us-east-1',
    savings_plan_savings_plan_a_r_n: SP_ARN, resource_tags: { 'user:team': 'research' } },
  { ...common('b4c5d6e7f8a9', '2024-09-01T00:00:00Z', '2024-10-01T00:00:00Z'),
    line_item_line_item_type: 'SavingsPlanRecurringFee', line_item_product_code: 'ComputeSavingsPlans',
    line_item_usage_type: 'ComputeSP:1yrNoUpfront', line_item_operation: '', line_item_usage_amount: '720.0',
    line_item_unblended_rate: '24.0', line_item_unblended_cost: '17280.0', line_item_blended_rate: '24.0',
    line_item_blended_cost: '17280.0', line_item_line_item_description: '1 year No Upfront Compute Savings Plan',
    product_product_name: 'Savings Plans for AWS Compute usage', pricing_unit: 'Hrs', savings_plan_savings_plan_a_r_n: SP_ARN,
    savings_plan_total_commitment_to_date: '17280.0', savings_plan_used_commitment: '14760.07',
    discount: { savings_plan_discount: '-0.5' }, discount_total_discount: '-0.5' },
  { ...common('c5d6e7f8a9b0', '2024-09-03T00:00:00Z', '2024-09-03T01:00:00Z'),
    line_item_line_item_type: 'Usage', line_item_product_code: 'AWSLambda', line_item_usage_type: 'USE1-Lambda-GB-Second',
    line_item_operation: 'Invoke', line_item_availability_zone: '', line_item_resource_id: 'arn:aws:lambda:us-east-1:123456789012:function:embed',
    line_item_usage_amount: '3600.5', line_item_unblended_rate: '0.0000166667', line_item_unblended_cost: '0.0600086',
    line_item_blended_rate: '0.0000166667', line_item_blended_cost: '0.0600086',
    line_item_line_item_description: 'AWS Lambda - Total Compute - US East (N. Virginia)', product_product_name: 'AWS Lambda',
    pricing_term: 'OnDemand', pricing_unit: 'Lambda-GB-Second', pricing_public_on_demand_cost: '0.0600086',
    pricing_public_on_demand_rate: '0.0000166667', product_region_code: 'us-east-1', product_servicecode: 'AWSLambda',
    product_product_family: 'Serverless', discount_bundled_discount: '-0.0000086',
    product: { group: 'AWS-Lambda-Duration', region: 'us-east-1' }, resource_tags: { 'user:team': 'ml', 'user:env': 'dev' } },
  { ...common('d6e7f8a9b0c1', '2024-09-01T00:00:00Z', '2024-10-01T00:00:00Z'),
    line_item_line_item_type: 'Tax', line_item_product_code: 'AmazonEC2', line_item_usage_type: '',
    line_item_unblended_cost: '3.41', line_item_blended_cost: '3.41', line_item_line_item_description: 'Tax for product code AmazonEC2',
    line_item_tax_type: 'VAT', product_product_name: 'Amazon Elastic Compute Cloud' },
]

/** Row i of the larger generated files: varied services, costs with up to 4 decimals, a tag on every third row. */
function generatedRow(i) {
  const start = new Date(Date.UTC(2024, 9, 1) + i * 3600_000).toISOString().replace('.000Z', 'Z')
  const end = new Date(Date.UTC(2024, 9, 1) + (i + 1) * 3600_000).toISOString().replace('.000Z', 'Z')
  const types = ['g5.xlarge', 'p4d.24xlarge', 't3.small', 'inf2.xlarge']
  const type = types[i % types.length]
  const spot = i % 7 === 0
  const cost = `${i % 50}.${String((i * 37) % 10000).padStart(4, '0')}`
  const row = {
    ...common('gen' + String(i).padStart(9, '0'), start, end),
    line_item_line_item_type: 'Usage', line_item_product_code: 'AmazonEC2',
    line_item_usage_type: (spot ? 'USE1-SpotUsage:' : 'USE1-BoxUsage:') + type, line_item_operation: 'RunInstances',
    line_item_availability_zone: 'us-east-1a', line_item_resource_id: 'i-' + String(i % 1000).padStart(17, '0'),
    line_item_usage_amount: '1.0', line_item_unblended_rate: cost, line_item_unblended_cost: cost,
    line_item_blended_rate: cost, line_item_blended_cost: cost, line_item_line_item_description: 'generated',
    product_product_name: 'Amazon Elastic Compute Cloud', pricing_term: spot ? 'Spot' : 'OnDemand', pricing_unit: 'Hrs',
    product_instance_type: type, product_region_code: 'us-east-1', product: { instance_type: type },
  }
  if (i % 3 === 0) row.resource_tags = { 'user:team': 'team-' + (i % 5) }
  return row
}

function write(file, columns, rows, options) {
  parquetWriteFile({
    filename: file, columnData: columnData(columns, rows), schema: schemaFor(columns, options.unit ?? 'MILLIS'),
    codec: options.codec ?? 'SNAPPY', compressors: options.compressors, rowGroupSize: options.rowGroupSize ?? 100000, pageSize: options.pageSize ?? 1048576,
    createdBy: 'frontier generate-cur2-parquet.mjs (hyparquet-writer 0.17.0)',
  })
}

/**
 * Legacy INT96 timestamps (Impala/Spark/Hive writers: 8 bytes nanoseconds of the day, then 4 bytes Julian
 * day, little-endian). hyparquet-writer cannot write INT96, so the two date columns are written as
 * FIXED_LEN_BYTE_ARRAY(12) -- the same bytes on the page -- and the footer's type ids are then changed
 * from FIXED_LEN_BYTE_ARRAY (7) to INT96 (3): in Thrift's compact protocol the i32 field 1 of a
 * SchemaElement followed by type_length 12 is 15 0E 15 18, and of a ColumnMetaData (followed by its
 * list of encodings) is 15 0E 19.
 */
function writeInt96(file, sampleRows) {
  const columns = COLUMNS.map(([name, kind]) =>
    name === 'line_item_usage_start_date' || name === 'line_item_usage_end_date' ? [name, 'INT96'] : [name, kind])
  const schema = schemaFor(columns.map(([n, k]) => [n, k === 'INT96' ? STRING : k]), 'MILLIS')
  for (const e of schema) {
    if (e.name === 'line_item_usage_start_date' || e.name === 'line_item_usage_end_date') {
      delete e.converted_type
      delete e.logical_type
      e.type = 'FIXED_LEN_BYTE_ARRAY'
      e.type_length = 12
    }
  }
  const data = columnData(columns.map(([n, k]) => [n, k === 'INT96' ? STRING : k]), sampleRows)
  for (const c of data) {
    if (c.name !== 'line_item_usage_start_date' && c.name !== 'line_item_usage_end_date') continue
    c.data = c.data.map(v => {
      const ms = Date.parse(v)
      const day = Math.floor(ms / 86400000)
      const nanos = BigInt(ms - day * 86400000) * 1000000n
      const b = new Uint8Array(12)
      const view = new DataView(b.buffer)
      view.setBigUint64(0, nanos, true)
      view.setUint32(8, day + 2440588, true)
      return b
    })
  }
  parquetWriteFile({ filename: file, columnData: data, schema, codec: 'SNAPPY', statistics: false,
    createdBy: 'frontier generate-cur2-parquet.mjs (hyparquet-writer 0.17.0, INT96 patched)' })
  const bytes = fs.readFileSync(file)
  const footerLength = bytes.readUInt32LE(bytes.length - 8)
  const footerStart = bytes.length - 8 - footerLength
  let patched = 0
  for (let i = footerStart; i < bytes.length - 10; i++) {
    const schemaElement = bytes[i] === 0x15 && bytes[i + 1] === 0x0e && bytes[i + 2] === 0x15 && bytes[i + 3] === 0x18
    const columnMeta = bytes[i] === 0x15 && bytes[i + 1] === 0x0e && bytes[i + 2] === 0x19
    if (schemaElement || columnMeta) {
      bytes[i + 1] = 0x06
      patched++
    }
  }
  if (patched !== 4) throw new Error(`expected to patch 2 schema elements and 2 column chunks, patched ${patched}`)
  fs.writeFileSync(file, bytes)
}

const args = process.argv.slice(2)
if (args[0] === '--rows') {
  const n = Number(args[1])
  const out = args[2]
  // All rows are built in memory before writing (about 5 GB of Node heap for 1 M rows: run node with
  // --max-old-space-size=12000); 100,000-row row groups.
  const rows = []
  for (let i = 0; i < n; i++) rows.push(generatedRow(i))
  write(out, COLUMNS, rows, { rowGroupSize: 100000 })
  console.log(`wrote ${n} rows to ${out}`)
} else {
  const [sampleCsv, outDir] = args
  if (!sampleCsv || !outDir) throw new Error('usage: node generate-cur2-parquet.mjs SAMPLE_CSV OUT_DIR | --rows N OUT_FILE')
  const sampleRows = parseCsv(fs.readFileSync(sampleCsv, 'utf8'))
  const rows = [...sampleRows, ...EXTRA_ROWS]
  write(path.join(outDir, 'aws_cur2_mock.parquet'), COLUMNS, rows, {})
  fs.writeFileSync(path.join(outDir, 'aws_cur2_mock_parquet_twin.csv'), toCsv(COLUMNS, rows))

  const many = []
  for (let i = 0; i < 2500; i++) many.push(generatedRow(i))
  write(path.join(outDir, 'aws_cur2_row_groups.parquet'), COLUMNS, many, { unit: 'MICROS', rowGroupSize: 1000, pageSize: 4096 })

  // Broken copies for the error tests: cut in half (no footer), and a footer intact over garbage pages.
  const good = fs.readFileSync(path.join(outDir, 'aws_cur2_mock.parquet'))
  fs.writeFileSync(path.join(outDir, 'aws_cur2_truncated.parquet'), good.subarray(0, Math.floor(good.length / 2)))
  const corrupt = Buffer.from(good)
  for (let i = 4; i < Math.min(corrupt.length - 8, 4 + 600); i++) corrupt[i] = (i * 131) & 0xff
  fs.writeFileSync(path.join(outDir, 'aws_cur2_corrupt_pages.parquet'), corrupt)
  // A value the importer must refuse: the second row has no currency.
  const bad = sampleRows.slice(0, 3).map(r => ({ ...r }))
  bad[1].line_item_currency_code = ''
  write(path.join(outDir, 'aws_cur2_bad_value.parquet'), COLUMNS, bad, {})

  writeInt96(path.join(outDir, 'aws_cur2_int96.parquet'), sampleRows)

  // Other codecs: GZIP (which Frontier reads), and a part that only claims ZSTD (pages left uncompressed),
  // for the refusal of codecs Frontier has no library for.
  write(path.join(outDir, 'aws_cur2_gzip.parquet'), COLUMNS, rows, { codec: 'GZIP', compressors: { GZIP: b => zlib.gzipSync(b, { level: 6 }) } })
  write(path.join(outDir, 'aws_cur2_zstd_claimed.parquet'), COLUMNS, sampleRows, { codec: 'ZSTD', compressors: { ZSTD: b => b } })
  console.log(`wrote fixtures to ${outDir}`)
}
