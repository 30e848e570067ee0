import { Switch, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { PageShell } from '../../components/page-shell';
import { ReasonSheet } from '../../components/reason-sheet';
import { ErrorView, Loading } from '../../components/state-view';
import { useSubmit } from '../../hooks/use-submit';
import { Children } from './tree-node';
import { ROOTS, useOrgTree, type OrgNode } from './use-org-tree';
import './index.scss';

/** 组织架构: 街道 → 社区 → 网格 → 楼栋 with people and open cases; admins add, edit, move and retire. */
function TreePage() {
  const tree = useOrgTree();
  const retire = useSubmit('org.retireUnit');
  const [retiring, setRetiring] = useState<OrgNode | null>(null);
  const roots = tree.levels[ROOTS];

  async function onRetire(reason: string) {
    if (!retiring) return;
    const reply = await retire.submit({ id: retiring.id, reason });
    if (reply?.ok) {
      tree.place(reply.data.unit, reply.data.unit.parentId);
      setRetiring(null);
    }
  }

  let body;
  if (!roots || (roots.state === 'loading' && roots.items.length === 0)) body = <Loading />;
  else if (roots.state === 'error' && roots.items.length === 0) body = <ErrorView error={roots.error} onRetry={() => void tree.load(ROOTS)} />;
  else
    body = (
      <Children
        parentId={ROOTS}
        parentName=""
        kind={null}
        props={{
          levels: tree.levels,
          open: tree.open,
          canManage: tree.canManage,
          onToggle: tree.toggle,
          onMore: (id, offset) => void tree.load(id, offset),
          onRetire: setRetiring,
        }}
      />
    );

  return (
    <PageShell className="org-tree">
      <Text className="org-tree__intro">
        {tree.canManage
          ? '点单位名称展开下级。可添加、改名、移动或撤销；撤销不会删除，历史记录仍可查看。'
          : '点单位名称展开下级。这里只能查看，如需调整请联系街道管理员。'}
      </Text>
      <Text className="org-tree__lag">人数和未办结件数每分钟统计一次，刚登记的变化约 1 分钟后显示。</Text>
      <View className="org-tree__filter">
        <Text className="org-tree__filter-label">显示已撤销的单元</Text>
        <Switch className="org-tree__switch" checked={tree.includeRetired} color="#07c160" onChange={(e) => tree.setIncludeRetired(e.detail.value)} />
      </View>
      {body}
      {retiring && (
        <ReasonSheet
          title={`撤销「${retiring.name}」`}
          hint="撤销后不能再添加下级或人员，相关的心愿、诉求和人员记录仍可查看。须先撤销它的全部下级。"
          placeholder="请写明撤销原因，例如：已并入第二网格"
          required
          submitText="确认撤销"
          kind="warn"
          busy={retire.submitting}
          error={retire.failure?.message ?? null}
          onSubmit={(reason) => void onRetire(reason)}
          onClose={() => setRetiring(null)}
        />
      )}
    </PageShell>
  );
}

export default TreePage;
