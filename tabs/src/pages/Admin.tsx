import { Text, Title2 } from '@fluentui/react-components';
import type { MeResponse, TabRole } from '../../../src/http/tabs/contract.ts';
import type { Messages } from '../messages/index.ts';
import { TitledSection } from '../components/Sections.tsx';
import { Loading, LoadFailed, Notice } from '../components/States.tsx';
import { useApi } from '../components/useApi.ts';
import { useTabEnv } from '../tabContext.ts';

const roleLabel = (t: Messages, r: TabRole) =>
  ({ learner: t.roleLearner, manager: t.roleManager, hrAdmin: t.roleHrAdmin })[r];

/** Admin (HR): for now what HR can already see; broadcasts come with their own issue. */
export function Admin() {
  const { t } = useTabEnv();
  const { value, reload } = useApi<MeResponse>('/me');
  return (
    <>
      <Title2 as="h1">{t.tabAdmin}</Title2>
      {value.state === 'loading' && <Loading />}
      {value.state === 'failed' && <LoadFailed result={value.result} retry={reload} />}
      {value.state === 'ready' && !value.data.actions.includes('viewAdmin') && (
        <Notice title={t.forbiddenAdminTitle} body={t.forbiddenAdminBody} />
      )}
      {value.state === 'ready' && value.data.actions.includes('viewAdmin') && (
        <>
          <Text block>{t.adminIntro}</Text>
          <Text block>{t.adminSignedInAs(value.data.user.displayName)}</Text>
          <TitledSection id="admin-roles" title={t.adminRoles}>
            <ul>
              {value.data.roles.map((r) => (
                <li key={r}>{roleLabel(t, r)}</li>
              ))}
            </ul>
          </TitledSection>
          <TitledSection id="admin-reports" title={t.adminReports}>
            <Text block>{t.adminReportsBody}</Text>
          </TitledSection>
        </>
      )}
    </>
  );
}
