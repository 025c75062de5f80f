import { router } from '../../trpc.js';
import { kpjBalances } from './kpj-balances.js';
import { memberBalance } from './member-balance.js';
import { mergeBalances } from './merge-balances.js';
import { mergeBalancesAtBranch } from './merge-balances-at-branch.js';

/** JHT old-age savings: balances per KPJ and merging them ("penggabungan saldo"). */
export const jhtRouter = router({ kpjBalances, mergeBalances, mergeBalancesAtBranch, memberBalance });
