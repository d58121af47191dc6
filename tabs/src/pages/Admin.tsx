import { Text, Title2, Title3 } from '@fluentui/react-components';
import type { MeResponse, TabRole } from '../../../src/http/tabs/contract.ts';
import type { Messages } from '../messages/index.ts';
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
          <section aria-labelledby="admin-roles">
            <Title3 as="h2" id="admin-roles">
              {t.adminRoles}
            </Title3>
            <ul>
              {value.data.roles.map((r) => (
                <li key={r}>{roleLabel(t, r)}</li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="admin-reports">
            <Title3 as="h2" id="admin-reports">
              {t.adminReports}
            </Title3>
            <Text block>{t.adminReportsBody}</Text>
          </section>
        </>
      )}
    </>
  );
}
