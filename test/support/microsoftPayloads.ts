/**
 * Payloads in the shapes Microsoft documents, field for field, for replay against a running Drypp.
 * Only the ids that must point at this test are replaced: the tenant (one Drypp serves), the
 * serviceUrl (the fake connector that records replies) and the user's object id.
 *
 * Sources (Microsoft Learn):
 * - Teams: bots/how-to/conversations/subscribe-to-conversation-events (conversationUpdate for a
 *   channel, for a team and for a one-to-one chat; messageReaction; installationUpdate)
 * - Teams: bots/Universal-bot-action-model/Develop-universal-bot-action-model (adaptiveCard/action)
 * - Graph: api/resources/changenotification, change-notifications-delivery-webhooks and
 *   change-notifications-lifecycle-events (change and lifecycle notification collections)
 */
export interface Ids {
  tenantId: string;
  serviceUrl: string;
  userId: string;
  botId: string;
}

export function teamsPayloads(ids: Ids): Record<string, Record<string, unknown>> {
  const { tenantId, serviceUrl, userId, botId } = ids;
  const channel = {
    isGroup: true,
    conversationType: 'channel',
    id: '19:efa9296d959346209fea44151c742e73@thread.skype',
  };
  const teamChannelData = (eventType: string, extra: Record<string, unknown> = {}) => ({
    team: { id: '19:efa9296d959346209fea44151c742e73@thread.skype', name: 'New Team Name' },
    eventType,
    tenant: { id: tenantId },
    ...extra,
  });
  const base = {
    timestamp: '2017-02-23T19:34:07.478Z',
    localTimestamp: '2017-02-23T12:34:07.478-07:00',
    channelId: 'msteams',
    serviceUrl,
    recipient: { id: botId, name: 'SongsuggesterBot' },
  };
  return {
    'conversationUpdate: channel created': {
      ...base,
      type: 'conversationUpdate',
      id: 'f:dd6ec311',
      from: {
        id: '29:1wR7IdIRIoerMIWbewMi75JA3scaMuxvFon9eRQW2Nix5loMDo0362st2IaRVRirPZBv1WdXT8TIFWWmlQCizZQ',
      },
      conversation: channel,
      channelData: teamChannelData('channelCreated', {
        channel: { id: '19:6d97d816470f481dbcda38244b98689a@thread.skype', name: 'FunDiscussions' },
      }),
    },
    'conversationUpdate: team renamed': {
      ...base,
      type: 'conversationUpdate',
      id: 'f:1406033e',
      from: {
        id: '29:1I9Is_Sx0O-Iy2rQ7Xz1lcaPKlO9eqmBRTBuW6XzkFtcjqxTjPaCMij8BVMdBcL9L_RwWNJyAHFQb0TRzXgyQvA',
      },
      conversation: channel,
      channelData: teamChannelData('teamRenamed'),
    },
    'conversationUpdate: bot added to a team': {
      ...base,
      type: 'conversationUpdate',
      membersAdded: [{ id: botId }],
      timestamp: '2021-12-07T22:34:56.534Z',
      id: 'f:0b9079f4-d4d3-3d8e-b883-798298053c7e',
      from: { id: '29:1ljv6N86roXr5pjPrCJVIz6xHh5QxjI', aadObjectId: userId },
      conversation: {
        isGroup: true,
        conversationType: 'channel',
        tenantId,
        id: '19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2',
        name: '2021 Test Channel',
      },
      channelData: {
        settings: { selectedChannel: { id: '19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2' } },
        team: {
          aadGroupId: 'f3ec8cd2-e704-4344-8c47-9a3a21d683c0',
          name: 'TestTeam2022',
          id: '19:zFLSDFWsesfzcmKArqKJ-65aOXJz@sgf462H2wz41@thread.tacv2',
        },
        eventType: 'teamMemberAdded',
        tenant: { id: tenantId },
      },
    },
    'conversationUpdate: member removed from a team': {
      ...base,
      type: 'conversationUpdate',
      membersRemoved: [
        { id: '29:1_LCi5Up14pAy65yZuaJzG1uIT7ujYhjjSTsUNqjORsZHjLHKiQIBJa4cX2XsAsRoaY7va2w6ZymA9-1VtSY_g' },
      ],
      timestamp: '2017-02-23T19:37:06.96Z',
      id: 'f:d8a6a4aa',
      from: {
        id: '29:1I9Is_Sx0OIy2rQ7Xz1lcaPKlO9eqmBRTBuW6XzkFtcjqxTjPaCMij8BVMdBcL9L_RwWNJyAHFQb0TRzXgyQvA',
      },
      conversation: channel,
      channelData: teamChannelData('teamMemberRemoved'),
    },
    'conversationUpdate: bot added to a one-to-one chat': {
      membersAdded: [{ id: botId }, { id: `29:${userId}`, aadObjectId: userId }],
      type: 'conversationUpdate',
      timestamp: '2019-04-23T10:17:44.349Z',
      id: 'f:5f85c2ad',
      channelId: 'msteams',
      serviceUrl,
      from: { id: `29:${userId}`, aadObjectId: userId },
      conversation: { conversationType: 'personal', id: `a:personal-${userId}` },
      recipient: { id: botId, name: 'Drypp' },
      channelData: { tenant: { id: tenantId } },
    },
    'messageReaction: added': {
      ...base,
      reactionsAdded: [{ type: 'like' }],
      type: 'messageReaction',
      timestamp: '2017-10-16T18:45:41.943Z',
      id: 'f:9f78d1f3',
      from: {
        id: '29:1I9Is_Sx0O-Iy2rQ7Xz1lcaPKlO9eqmBRTBuW6XzkFtcjqxTjPaCMij8BVMdBcL9L_RwWNJyAHFQb0TRzXgyQvA',
        aadObjectId: userId,
      },
      conversation: {
        isGroup: true,
        conversationType: 'channel',
        id: '19:3629591d4b774aa08cb0887902eee7c1@thread.skype',
      },
      channelData: {
        channel: { id: '19:3629591d4b774aa08cb0887902eee7c1@thread.skype' },
        team: { id: '19:efa9296d959346209fea44151c742e73@thread.skype' },
        tenant: { id: tenantId },
      },
      replyToId: '1575667808184',
      legacy: { replyToId: '1:19uJ8TZA1cZcms7-2HLOW3pWRF4nSWEoVnRqc0DPa_kY' },
    },
    'messageReaction: removed': {
      ...base,
      reactionsRemoved: [{ type: 'like' }],
      type: 'messageReaction',
      timestamp: '2017-10-16T18:45:41.943Z',
      id: 'f:9f78d1f4',
      from: { id: '29:1I9Is_Sx0O', aadObjectId: userId },
      conversation: { conversationType: 'personal', id: `a:personal-${userId}`, tenantId },
      channelData: { tenant: { id: tenantId } },
      replyToId: '1575667808184',
    },
    'installationUpdate: added to a team channel': {
      type: 'installationUpdate',
      id: 'f:816eb23d-bfa1-afa3-dfeb-d2aa338e9541',
      timestamp: '2021-11-09T04:47:30.91Z',
      serviceUrl,
      channelId: 'msteams',
      from: { id: '29:1ljv6N86roXr5pjPrCJVIz6xHh5QxjI', aadObjectId: userId },
      recipient: { id: botId, name: 'Test Bot' },
      locale: 'en-US',
      entities: [{ type: 'clientInfo', locale: 'en-US' }],
      conversation: {
        isGroup: true,
        id: '19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2',
        name: '2021 Test Channel',
        conversationType: 'channel',
        tenantId,
      },
      channelData: {
        settings: { selectedChannel: { id: '19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2' } },
        channel: { id: '19:0b7f32667e064dd9b25d7969801541f4@thread.tacv2' },
        team: {
          aadGroupId: 'da849743-4259-475f-ae7a-4f4b0fb49943',
          name: 'TestTeam2022',
          id: '19:zFLSDFWsesfzcmKArqKJ-65aOXJz@sgf462H2wz41@thread.tacv2',
        },
        tenant: { id: tenantId },
        source: { name: 'message' },
      },
      action: 'add',
    },
    'installationUpdate: removed (upgrade)': {
      type: 'installationUpdate',
      id: 'f:816eb23d-bfa1-afa3-dfeb-d2aa338e9542',
      timestamp: '2021-11-09T04:47:30.91Z',
      serviceUrl,
      channelId: 'msteams',
      from: { id: `29:${userId}`, aadObjectId: userId },
      recipient: { id: botId, name: 'Test Bot' },
      conversation: { conversationType: 'personal', id: `a:personal-${userId}`, tenantId },
      channelData: { tenant: { id: tenantId } },
      action: 'remove-upgrade',
    },
    'invoke adaptiveCard/action: manual': {
      ...base,
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: 'f:invoke-1',
      from: { id: `29:${userId}`, aadObjectId: userId },
      conversation: { conversationType: 'personal', id: `a:personal-${userId}`, tenantId },
      channelData: { tenant: { id: tenantId } },
      value: { action: { type: 'Action.Execute', id: 'abc', verb: 'def', data: {} }, trigger: 'manual' },
    },
    // Invokes of features Drypp does not offer (task modules: task-modules-and-cards/task-modules/
    // task-modules-bots; sign-in: bots/how-to/authentication). Answered 200, never 501.
    'invoke task/fetch': {
      ...base,
      type: 'invoke',
      name: 'task/fetch',
      id: 'f:invoke-3',
      from: { id: `29:${userId}`, aadObjectId: userId },
      conversation: { conversationType: 'personal', id: `a:personal-${userId}`, tenantId },
      channelData: { tenant: { id: tenantId }, source: { name: 'message' } },
      value: { type: 'task/fetch', data: { type: 'task/fetch' }, context: { theme: 'default' } },
    },
    'invoke signin/verifyState': {
      ...base,
      type: 'invoke',
      name: 'signin/verifyState',
      id: 'f:invoke-4',
      from: { id: `29:${userId}`, aadObjectId: userId },
      conversation: { conversationType: 'personal', id: `a:personal-${userId}`, tenantId },
      channelData: { tenant: { id: tenantId } },
      value: { state: '123456' },
    },
    'invoke adaptiveCard/action: automatic refresh': {
      ...base,
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: 'f:invoke-2',
      from: { id: `29:${userId}`, aadObjectId: userId },
      conversation: { conversationType: 'personal', id: `a:personal-${userId}`, tenantId },
      channelData: { tenant: { id: tenantId } },
      value: { action: { type: 'Action.Execute', verb: 'personalDetailsCardRefresh' }, trigger: 'automatic' },
    },
  };
}

export function graphPayloads(ids: { tenantId: string; clientState: string }) {
  const { tenantId, clientState } = ids;
  const subscriptionId = '7f105c7d-2dc5-4530-97cd-4e7ae6534c07';
  const userId = 'a7b0e0a1-2b3c-4d5e-8f90-1a2b3c4d5e6f';
  const lifecycle = (lifecycleEvent: string) => ({
    value: [
      {
        lifecycleEvent,
        subscriptionId,
        subscriptionExpirationDateTime: '2019-03-20T11:00:00.0000000Z',
        tenantId,
        clientState,
      },
    ],
  });
  return {
    notifications: {
      'users: updated': {
        value: [
          {
            id: 'lsgTZMr9KwAAA',
            subscriptionId,
            subscriptionExpirationDateTime: '2019-09-19T11:00:00.0000000Z',
            clientState,
            changeType: 'updated',
            resource: `Users/${userId}`,
            tenantId,
            resourceData: {
              '@odata.type': '#Microsoft.Graph.User',
              '@odata.id': `Users/${userId}`,
              id: userId,
              organizationId: tenantId,
              sequenceNumber: 4,
            },
          },
        ],
      },
      'users: created and deleted in one batch, clientState null on one': {
        value: [
          { subscriptionId, changeType: 'created', clientState, tenantId, resource: `Users/${userId}` },
          { subscriptionId, changeType: 'deleted', clientState: null, tenantId, resource: `Users/${userId}` },
        ],
      },
      'rich notification with validation tokens': {
        validationTokens: ['eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.e30.sig'],
        value: [
          { subscriptionId, changeType: 'updated', clientState, tenantId, resource: `Users/${userId}` },
        ],
      },
    } as Record<string, unknown>,
    lifecycle: {
      reauthorizationRequired: lifecycle('reauthorizationRequired'),
      subscriptionRemoved: lifecycle('subscriptionRemoved'),
      missed: lifecycle('missed'),
    } as Record<string, unknown>,
  };
}
