import { Camunda8 } from '@camunda8/sdk';
import type { ProcessStarter } from '../cases/start-application.ts';

export type ZeebeClient = ReturnType<Camunda8['getZeebeGrpcApiClient']>;

export interface EngineConnection {
  grpcAddress: string;
  restAddress: string;
}

/**
 * One SDK client per process. Local engines run unprotected (no OAuth); against Camunda SaaS or a
 * protected Self-Managed cluster, the SDK's own CAMUNDA_* / ZEEBE_CLIENT_* OAuth variables apply,
 * and a grpcs:// address turns TLS on.
 */
export function createZeebeClient(connection: EngineConnection): ZeebeClient {
  const oauth = Boolean(process.env.ZEEBE_CLIENT_ID);
  const camunda = new Camunda8({
    ZEEBE_GRPC_ADDRESS: connection.grpcAddress,
    ZEEBE_REST_ADDRESS: connection.restAddress,
    CAMUNDA_AUTH_STRATEGY: oauth ? 'OAUTH' : 'NONE',
    CAMUNDA_OAUTH_DISABLED: !oauth,
    CAMUNDA_LOG_LEVEL: 'warn',
    // The gRPC client logs in its own plain-text format; keep it to errors beside our JSON logs.
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'ERROR' },
  } as ConstructorParameters<typeof Camunda8>[0]);
  return camunda.getZeebeGrpcApiClient();
}

export function createProcessStarter(zeebe: ZeebeClient): ProcessStarter {
  return {
    async start(bpmnProcessId, variables) {
      const response = await zeebe.createProcessInstance({ bpmnProcessId, variables: variables as never });
      return { processInstanceKey: String(response.processInstanceKey) };
    },
    async cancel(processInstanceKey) {
      await zeebe.cancelProcessInstance(processInstanceKey);
    },
  };
}

export async function engineIsReady(zeebe: ZeebeClient): Promise<boolean> {
  const topology = await zeebe.topology();
  return topology.brokers.some((broker) => broker.partitions.some((p) => String(p.role) === 'LEADER' || String(p.role) === '0'));
}
