import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { PageShell } from '../../components/page-shell';
import { Empty } from '../../components/state-view';
import { NeedForm } from './need-form';
import { ProjectForm } from './project-form';
import { ResourceForm } from './resource-form';
import '../../package-staff/parts/index.scss';
import '../index.scss';

const titles = { need: '录入需求', resource: '登记资源', project: '立项' } as const;
type Form = keyof typeof titles;
const isForm = (f: string | undefined): f is Form => !!f && f in titles;

/** The forms of 三张清单: a need (staff), a resource (units, merchants, members, staff), a project (staff). */
function EditPage() {
  const form = useRouter().params.form;
  useEffect(() => {
    if (isForm(form)) void Taro.setNavigationBarTitle({ title: titles[form] });
  }, [form]);
  const done = (text: string) => {
    void Taro.showToast({ title: text, icon: 'success' });
    void Taro.navigateBack();
  };
  return (
    <PageShell className="posts-form projects-form">
      {form === 'need' && <NeedForm onDone={() => done('需求已录入')} />}
      {form === 'resource' && <ResourceForm onDone={() => done('资源已登记')} />}
      {form === 'project' && <ProjectForm onDone={() => done('项目已创建')} />}
      {!isForm(form) && (
        <Empty title="没有这个表单" hint="请返回三张清单重新打开。" action={{ text: '返回', onClick: () => void Taro.navigateBack() }} />
      )}
    </PageShell>
  );
}

export default EditPage;
