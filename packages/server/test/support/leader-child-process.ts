/**
 * @module
 * A replica's trunk leadership alone in a real Node process, to SIGKILL: argv[2] is the JSON of
 * `{ url, namespace, replicaId, trunkIds }`; it prints `leading <trunk>` as it takes each trunk.
 */
import { TrunkLeadership } from '../../src/replicas/trunk-leadership';

const config = JSON.parse(process.argv[2] as string) as {
  url: string;
  namespace: string;
  replicaId: string;
  trunkIds: string[];
};
const leadership = new TrunkLeadership({
  url: config.url,
  namespace: config.namespace,
  replicaId: config.replicaId,
  onChange: (trunkId, leading) => {
    if (leading) process.stdout.write(`leading ${trunkId}\n`);
  },
});
await leadership.start(config.trunkIds);
