// The vendor simulators in a process of their own, so that the adapter bench measures only the
// adapters' side of each call. Reports { endpoints, credentials } to its parent once listening.
import { startDevelopmentBackOffices } from '../../simulators/back-office/development-back-offices.ts';
import { BACK_OFFICE_VENDORS } from '../../connectors/back-office/vendors.ts';

const credentials = Object.fromEntries(Object.values(BACK_OFFICE_VENDORS).map((vendor) => [vendor.name, vendor.generateCredential()]));
const backOffices = await startDevelopmentBackOffices({ firstPort: 0, credentials });
process.send?.({ type: 'ready', endpoints: backOffices.endpoints, credentials });
process.once('disconnect', () => void backOffices.close());
