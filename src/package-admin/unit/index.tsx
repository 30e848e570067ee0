import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { PageShell } from '../../components/page-shell';
import { Empty, ErrorView, Loading } from '../../components/state-view';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { orgKinds } from '../../shared/contract';
import type { OrgKind } from '../../shared/domain/org';
import { orgKindLabels } from '../../shared/domain/org-tree';
import { UnitForm } from './unit-form';
import '../../package-staff/parts/index.scss';
import './index.scss';

const isKind = (k: string | undefined): k is OrgKind => (orgKinds as readonly string[]).includes(k ?? '');

/** 新建单元 (?parentId&parentName&kind) or 编辑单元 (?id&parentName): the edited unit is read once. */
function UnitPage() {
  const { id, parentId, parentName, kind } = useRouter().params;
  const unit = useRemote(() => call('org.tree', { parentId: id! }), id ?? null);
  useEffect(() => {
    if (!id && isKind(kind)) void Taro.setNavigationBarTitle({ title: `添加${orgKindLabels[kind]}` });
  }, [id, kind]);

  if (!id) {
    if (!parentId || !isKind(kind))
      return (
        <PageShell>
          <Empty title="缺少上级单元" hint="请从组织架构页点「添加」进入。" />
        </PageShell>
      );
    return (
      <PageShell className="unit-page">
        <UnitForm target={{ kind, unit: null, parentId, parentName: decodeURIComponent(parentName ?? '') }} />
      </PageShell>
    );
  }
  if (unit.state === 'error')
    return (
      <PageShell>
        <ErrorView error={unit.error} onRetry={() => void unit.reload()} />
      </PageShell>
    );
  const current = unit.data?.parent;
  if (!current)
    return (
      <PageShell>
        <Loading />
      </PageShell>
    );
  return (
    <PageShell className="unit-page">
      <UnitForm target={{ kind: current.kind, unit: current, parentId: current.parentId ?? '', parentName: decodeURIComponent(parentName ?? '') }} />
    </PageShell>
  );
}

export default UnitPage;
