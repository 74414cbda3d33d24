import type { ZeebeClient } from '../engine/engine-client.ts';
import type { ProcessDeployer } from './process-modeller.ts';

interface DeploymentMetadata {
  process?: { processDefinitionKey: string | number; bpmnProcessId: string; version: number };
  form?: { formKey: string | number; formId: string; version: number };
}

/** Deploys one diagram and its forms in one engine deployment (forms bound with bindingType="deployment" need that). */
export function createEngineDeployer(zeebe: ZeebeClient): ProcessDeployer {
  return {
    async deploy({ bpmn, forms }) {
      const response = await zeebe.deployResources([
        { name: bpmn.name, process: Buffer.from(bpmn.xml, 'utf8') },
        ...forms.map((form) => ({ name: form.name, form: Buffer.from(JSON.stringify(form.schema, null, 2), 'utf8') })),
      ]);
      const deployments = response.deployments as DeploymentMetadata[];
      const process = deployments.find((deployment) => deployment.process)?.process;
      if (!process) throw new Error('the engine answered the deployment without a process');
      return {
        process: { processDefinitionKey: String(process.processDefinitionKey), bpmnProcessId: process.bpmnProcessId, version: process.version, bpmnXml: bpmn.xml },
        forms: deployments.flatMap((deployment) => {
          if (!deployment.form) return [];
          const { formKey, formId, version } = deployment.form;
          return [{ formKey: String(formKey), formId, version, schema: forms.find((form) => form.name === `${formId}.form`)?.schema ?? null }];
        }),
      };
    },
  };
}
