// A bank's camt.054.001.08 credit notification for the tests: one booked CHF credit per entry,
// in the structure of the Swiss Payment Standards (see tests/fixtures/camt054 for annotated ones).
import { formatFrancs } from '../../../connectors/back-office/swiss-francs.ts';

export interface TestCredit {
  bankReference: string;
  amountRappen: number;
  reference: { type: 'QRR' | 'SCOR'; value: string } | null;
}

export function camt054(accountIban: string, credits: readonly TestCredit[], messageId = `MSG${Date.now()}`): string {
  const entries = credits.map((credit) => {
    const amount = formatFrancs(credit.amountRappen);
    const reference = credit.reference
      ? `<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Prtry>${credit.reference.type}</Prtry></CdOrPrtry></Tp><Ref>${credit.reference.value}</Ref></CdtrRefInf></Strd></RmtInf>`
      : '';
    return `<Ntry><Amt Ccy="CHF">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><RvslInd>false</RvslInd><Sts><Cd>BOOK</Cd></Sts>
<BookgDt><Dt>2026-11-22</Dt></BookgDt><ValDt><Dt>2026-11-22</Dt></ValDt><AcctSvcrRef>${credit.bankReference}</AcctSvcrRef>
<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>VCOM</SubFmlyCd></Fmly></Domn></BkTxCd>
<NtryDtls><TxDtls><Refs><AcctSvcrRef>${credit.bankReference}/1</AcctSvcrRef><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
<Amt Ccy="CHF">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd>${reference}</TxDtls></NtryDtls></Ntry>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn>
<GrpHdr><MsgId>${messageId}</MsgId><CreDtTm>2026-11-22T18:00:00+01:00</CreDtTm></GrpHdr>
<Ntfctn><Id>${messageId}</Id><CreDtTm>2026-11-22T18:00:00+01:00</CreDtTm><Acct><Id><IBAN>${accountIban}</IBAN></Id><Ccy>CHF</Ccy></Acct>
${entries.join('\n')}
</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>`;
}
